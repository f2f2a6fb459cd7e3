package vn.speedwatch.model;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.speedwatch.model.Fixtures.fullBody;
import static vn.speedwatch.model.Fixtures.minimalBody;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A table of example documents, valid and invalid, judged by the JSON Schema validator and by
 * {@link MeasurementParser}: both must agree on every one. Only rules a schema can state are in the
 * table (the time window and NaN are the parser's alone).
 */
class MeasurementSchemaExamplesTest {

    private static final JsonSchema VALIDATOR = ContractSchema.validator();

    private final MeasurementParser parser = new MeasurementParser(Fixtures.LIMITS);

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void judgesExamplesLikeTheParser(String name, JsonNode document, boolean valid) {
        ParseResult parsed = parser.parse(document);
        var schemaErrors = VALIDATOR.validate(document);

        assertThat(parsed.isValid()).as("parser: " + parsed.violations()).isEqualTo(valid);
        assertThat(schemaErrors.isEmpty()).as("schema: " + schemaErrors).isEqualTo(valid);
    }

    static Stream<Arguments> examples() {
        List<Arguments> table = new ArrayList<>();
        valid(table, "minimal", b -> {});
        table.add(example("every field", fullBody(), true));
        valid(table, "unknown field", b -> b.put("appVersion", "2.1"));
        valid(table, "null optional fields", b -> b.putNull("jitterMs").putNull("client"));
        valid(table, "tdp code without coordinates", b -> b.put("tdpCode", "TDP-07"));
        valid(table, "zero speeds", b -> b.put("downloadMbps", 0).put("uploadMbps", 0));
        valid(
                table,
                "upper bounds",
                b ->
                        b.put("downloadMbps", 100000)
                                .put("latencyMs", 60000)
                                .put("packetLossPercent", 100));
        valid(
                table,
                "corner coordinates",
                b -> b.put("latitude", -90).put("longitude", 180).put("consent", true));
        valid(table, "1000 emoji in note", b -> b.put("note", "📶".repeat(1000)));
        for (AccessType t : AccessType.values()) {
            valid(table, "access type " + t, b -> b.put("accessType", t.name()));
        }
        for (ClientKind c : ClientKind.values()) {
            valid(table, "client " + c.json(), b -> b.put("client", c.json()));
        }
        valid(table, "ipVersion 4", b -> b.put("ipVersion", 4));
        valid(table, "UTC time", b -> b.put("measuredAt", "2026-11-27T04:00:00Z"));
        for (String f : List.of("id", "measuredAt", "downloadMbps", "uploadMbps", "latencyMs")) {
            invalid(table, "missing " + f, b -> b.remove(f));
            invalid(table, "null " + f, b -> b.putNull(f));
        }
        invalid(table, "negative download", b -> b.put("downloadMbps", -1));
        invalid(table, "download above 100 Gbps", b -> b.put("downloadMbps", 100000.5));
        invalid(table, "latency above a minute", b -> b.put("latencyMs", 60001));
        invalid(table, "negative jitter", b -> b.put("jitterMs", -1));
        invalid(table, "loss above 100 %", b -> b.put("packetLossPercent", 101));
        invalid(table, "negative plan", b -> b.put("planUploadMbps", -10));
        invalid(table, "negative accuracy", b -> b.put("accuracyM", -1));
        invalid(
                table,
                "latitude 91",
                b -> b.put("latitude", 91).put("longitude", 106).put("consent", true));
        invalid(
                table,
                "longitude -181",
                b -> b.put("latitude", 20).put("longitude", -181).put("consent", true));
        invalid(table, "latitude alone", b -> b.put("latitude", 20.9).put("consent", true));
        invalid(table, "longitude alone", b -> b.put("longitude", 106.6).put("consent", true));
        invalid(
                table,
                "coordinates without consent",
                b -> b.put("latitude", 20.9).put("longitude", 106.6));
        invalid(
                table,
                "coordinates with consent false",
                b -> b.put("latitude", 20.9).put("longitude", 106.6).put("consent", false));
        invalid(table, "speed as a string", b -> b.put("downloadMbps", "85"));
        invalid(table, "operator as an object", b -> b.putObject("operator"));
        invalid(table, "consent as a string", b -> b.put("consent", "true"));
        invalid(table, "ipVersion as a string", b -> b.put("ipVersion", "6"));
        invalid(table, "ipVersion 5", b -> b.put("ipVersion", 5));
        invalid(table, "ipVersion 4.5", b -> b.put("ipVersion", 4.5));
        invalid(table, "unknown access type", b -> b.put("accessType", "FIBER"));
        invalid(table, "lower-case access type", b -> b.put("accessType", "mobile_4g"));
        invalid(table, "unknown client", b -> b.put("client", "speedtest-app"));
        invalid(table, "id not a UUID", b -> b.put("id", "result-42"));
        invalid(table, "id without dashes", b -> b.put("id", "0f8fad5bd9cb469fa16570867728950e"));
        invalid(table, "time without offset", b -> b.put("measuredAt", "2026-11-27T11:00:00"));
        invalid(table, "time as epoch number", b -> b.put("measuredAt", 1764219600));
        invalid(table, "operator of 101 chars", b -> b.put("operator", "x".repeat(101)));
        invalid(table, "server of 201 chars", b -> b.put("server", "x".repeat(201)));
        invalid(table, "note of 1001 chars", b -> b.put("note", "x".repeat(1001)));
        invalid(table, "tdp code of 33 chars", b -> b.put("tdpCode", "x".repeat(33)));
        invalid(table, "empty tdp code", b -> b.put("tdpCode", ""));
        invalid(table, "blank tdp code", b -> b.put("tdpCode", "   "));
        table.add(example("array body", Json.mapper().createArrayNode().add(minimalBody()), false));
        table.add(example("string body", Json.mapper().getNodeFactory().textNode("{}"), false));
        return table.stream();
    }

    private static void valid(List<Arguments> table, String name, Consumer<ObjectNode> change) {
        ObjectNode body = minimalBody();
        change.accept(body);
        table.add(example(name, body, true));
    }

    private static void invalid(List<Arguments> table, String name, Consumer<ObjectNode> change) {
        ObjectNode body = minimalBody();
        change.accept(body);
        table.add(example(name, body, false));
    }

    private static Arguments example(String name, JsonNode body, boolean valid) {
        return Arguments.of(name, body, valid);
    }
}
