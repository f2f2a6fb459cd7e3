package vn.speedwatch.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** A threshold file other than the bundled one: used as written, or refused naming the field. */
class QcvnThresholdsFileTest {

    @TempDir Path dir;

    @Test
    void loadsANewVersionFromAFile() throws IOException {
        ObjectNode file = bundled();
        file.put("version", "thresholds-v2");
        aggregate(file, 1, 0).put("value", 50);
        ((ObjectNode) rule(file, 1).get("sample")).put("minDownloadMbps", 50);

        QcvnThresholds v2 = QcvnThresholds.load(write(file));

        assertThat(v2.version()).isEqualTo("thresholds-v2");
        assertThat(v2.samplePasses(AccessType.MOBILE_4G, 45, 10, 30, null, null)).isFalse();
        assertThat(v2.complianceOf(AccessType.MOBILE_4G, 45, 10, 30, 1, 0).met()).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenFiles")
    void refusesAMalformedFileNamingTheField(String expected, Consumer<ObjectNode> breakIt)
            throws IOException {
        ObjectNode file = bundled();
        breakIt.accept(file);
        Path path = write(file);

        assertThatThrownBy(() -> QcvnThresholds.load(path))
                .isInstanceOf(QcvnThresholds.InvalidThresholdsException.class)
                .hasMessageStartingWith(path.toString())
                .hasMessageContaining(expected);
    }

    static Stream<Arguments> brokenFiles() {
        return Stream.of(
                broken("version: missing", f -> f.remove("version")),
                broken(
                        "sources[0].titleVi: expected a non-blank string",
                        f -> source(f, 0).put("titleVi", " ")),
                broken("rules: expected an array", f -> f.put("rules", "fixed")),
                broken(
                        "rules[0].accessTypes[1]: expected one of",
                        f -> rule(f, 0).withArray("accessTypes").set(1, f.textNode("FIBRE"))),
                broken(
                        "rules[1].aggregate[0].value: expected a number",
                        f -> aggregate(f, 1, 0).put("value", "forty")),
                broken(
                        "rules[2].aggregate[3].metric: expected one of",
                        f -> aggregate(f, 2, 3).put("metric", "MEDIAN_LATENCY")),
                broken(
                        "rules[2].aggregate[1].comparison: missing",
                        f -> aggregate(f, 2, 1).remove("comparison")),
                broken(
                        "rules[0].sample.minDownloadShareOfPlan: a share must be within (0, 1]",
                        f ->
                                ((ObjectNode) rule(f, 0).get("sample"))
                                        .put("minDownloadShareOfPlan", 80)),
                broken(
                        "rules[0].sample.maxLatencyMs: expected a number >= 0",
                        f -> ((ObjectNode) rule(f, 0).get("sample")).put("maxLatencyMs", -50)),
                broken(
                        "rules[2].sources[0]: expected the id of one of the sources",
                        f -> rule(f, 2).withArray("sources").set(0, f.textNode("QCVN-999"))),
                broken(
                        "rules[1].sources: a rule must cite at least one source",
                        f -> rule(f, 1).putArray("sources")),
                broken(
                        "rules[2].accessTypes: MOBILE_5G already has a rule (rules[1])",
                        f -> rule(f, 1).withArray("accessTypes").add("MOBILE_5G")),
                broken(
                        "target2030.minPlanDownloadMbps: missing",
                        f -> ((ObjectNode) f.get("target2030")).remove("minPlanDownloadMbps")),
                broken("target2030: missing", f -> f.remove("target2030")));
    }

    @Test
    void refusesAFileThatIsNotJson() throws IOException {
        Path path = dir.resolve("broken.json");
        Files.writeString(path, "{\"version\": ", StandardCharsets.UTF_8);

        assertThatThrownBy(() -> QcvnThresholds.load(path))
                .isInstanceOf(QcvnThresholds.InvalidThresholdsException.class)
                .hasMessageContaining("broken.json: not valid JSON");
    }

    @Test
    void refusesAMissingFile() {
        Path path = dir.resolve("absent.json");

        assertThatThrownBy(() -> QcvnThresholds.load(path))
                .isInstanceOf(QcvnThresholds.InvalidThresholdsException.class)
                .hasMessageContaining("absent.json: cannot read");
    }

    private static Arguments broken(String expected, Consumer<ObjectNode> breakIt) {
        return Arguments.of(expected, breakIt);
    }

    private static ObjectNode rule(ObjectNode file, int index) {
        return (ObjectNode) file.withArray("rules").get(index);
    }

    private static ObjectNode aggregate(ObjectNode file, int rule, int index) {
        ArrayNode aggregate = rule(file, rule).withArray("aggregate");
        return (ObjectNode) aggregate.get(index);
    }

    private static ObjectNode source(ObjectNode file, int index) {
        return (ObjectNode) file.withArray("sources").get(index);
    }

    private static ObjectNode bundled() throws IOException {
        try (InputStream in =
                QcvnThresholdsFileTest.class
                        .getClassLoader()
                        .getResourceAsStream(QcvnThresholds.BUNDLED)) {
            return (ObjectNode) Json.mapper().readTree(in);
        }
    }

    private Path write(ObjectNode file) throws IOException {
        Path path = dir.resolve("thresholds.json");
        Files.write(path, Json.mapper().writeValueAsBytes(file));
        return path;
    }
}
