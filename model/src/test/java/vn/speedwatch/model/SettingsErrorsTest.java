package vn.speedwatch.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A mistyped value in the operator's config names the key, its variable and where it was set. */
class SettingsErrorsTest {

    @TempDir Path dir;

    @Test
    void numberThatIsNotANumberNamesTheKeyAndTheFile() throws Exception {
        Settings s = fromFile("collector.max-batch=abc\n");

        assertThatThrownBy(() -> s.integer("collector.max-batch", 1000))
                .isInstanceOf(Settings.ConfigException.class)
                .hasMessageStartingWith("giá trị cấu hình không hợp lệ / invalid value")
                .hasMessageContaining("'collector.max-batch'")
                .hasMessageContaining("SPEEDWATCH_COLLECTOR_MAX_BATCH")
                .hasMessageContaining("file " + dir.resolve("speedwatch.properties"));
    }

    @Test
    void portOutsideTheTcpRangeIsRefused() throws Exception {
        Settings s = fromFile("http.port=70000\n");

        assertThatThrownBy(() -> s.port("http.port", 8080))
                .isInstanceOf(Settings.ConfigException.class)
                .hasMessageContaining("'http.port'")
                .hasMessageContaining("70000 is not within 0-65535")
                .hasMessageContaining("speedwatch.properties");
        assertThat(Settings.of(Map.of("http.port", "0")).port("http.port", 8080)).isZero();
        assertThat(Settings.of(Map.of("http.port", "65535")).port("http.port", 1)).isEqualTo(65535);
    }

    @Test
    void unknownDurationUnitIsNamedWithTheFormsThatWork() throws Exception {
        Settings s = fromFile("pipeline.checkpoint-interval=10 parsecs\n");

        assertThatThrownBy(() -> s.duration("pipeline.checkpoint-interval", Duration.ofSeconds(30)))
                .isInstanceOf(Settings.ConfigException.class)
                .hasMessageContaining("'pipeline.checkpoint-interval'")
                .hasMessageContaining("unknown unit 'parsecs'")
                .hasMessageContaining("10s");
    }

    @Test
    void valueFromTheEnvironmentNamesTheVariableAsItsPlace() {
        Settings s =
                Settings.load(
                        null, Map.of("SPEEDWATCH_COLLECTOR_BURST", "twenty"), new Properties());

        assertThatThrownBy(() -> s.integer("collector.burst", 20))
                .hasMessageContaining("environment SPEEDWATCH_COLLECTOR_BURST");
    }

    @Test
    void booleanThatIsNeitherTrueNorFalseIsRefused() throws Exception {
        Settings s = fromFile("collector.production=yes\n");

        assertThatThrownBy(() -> s.bool("collector.production", false))
                .hasMessageContaining("'collector.production'")
                .hasMessageContaining("not true/false");
    }

    private Settings fromFile(String content) throws Exception {
        Path file = dir.resolve("speedwatch.properties");
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return Settings.load(file, Map.of(), new Properties());
    }
}
