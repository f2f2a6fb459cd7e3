package vn.speedwatch.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** What goes onto the topic comes back the same: the shared mapper round-trips the contract. */
class JsonRoundTripTest {

    @Test
    void measurementRoundTrips() throws Exception {
        Measurement m = Fixtures.fullMeasurement();

        String json = Json.mapper().writeValueAsString(m);

        assertThat(Json.mapper().readValue(json, Measurement.class)).isEqualTo(m);
    }

    @Test
    void keepsTheVietnamOffset() throws Exception {
        JsonNode tree = Json.mapper().valueToTree(Fixtures.fullMeasurement());

        assertThat(tree.get("measuredAt").asText()).isEqualTo("2026-11-27T11:00:00+07:00");
        assertThat(Json.mapper().treeToValue(tree, Measurement.class).measuredAt().getOffset())
                .isEqualTo(Fixtures.HANOI);
    }

    @Test
    void writesTheContractNamesAndOmitsAbsentFields() {
        JsonNode tree = Json.mapper().valueToTree(Fixtures.measurement(85.5, 40, 12));

        assertThat(tree.size()).isEqualTo(5);
        assertThat(tree.get("downloadMbps").doubleValue()).isEqualTo(85.5);
        JsonNode full = Json.mapper().valueToTree(Fixtures.fullMeasurement());
        assertThat(full.get("client").asText()).isEqualTo("librespeed");
        assertThat(full.get("accessType").asText()).isEqualTo("FIXED_FIBER");
    }

    @Test
    void whatTheMapperWritesTheParserAccepts() {
        JsonNode tree = Json.mapper().valueToTree(Fixtures.fullMeasurement());

        ParseResult parsed = new MeasurementParser(Fixtures.LIMITS).parse(tree);

        assertThat(parsed.measurement()).isEqualTo(Fixtures.fullMeasurement());
    }

    @Test
    void measurementEventRoundTrips() throws Exception {
        MeasurementEvent event =
                MeasurementEvent.measurement(
                        Fixtures.fullMeasurement(),
                        Instant.parse("2026-11-27T04:00:01.123Z"),
                        "h:9f2c",
                        null,
                        "0.1.0");
        MeasurementEvent erasure =
                MeasurementEvent.erasure(
                        Fixtures.ID, Instant.parse("2026-11-27T04:10:00Z"), "0.1.0");

        byte[] bytes = Json.mapper().writeValueAsBytes(event);
        MeasurementEvent back = Json.mapper().readValue(bytes, MeasurementEvent.class);

        assertThat(back).isEqualTo(event);
        assertThat(back.measurement().measuredAt().toString()).endsWith("+07:00");
        assertThat(
                        Json.mapper()
                                .readValue(
                                        Json.mapper().writeValueAsBytes(erasure),
                                        MeasurementEvent.class))
                .isEqualTo(erasure);
    }
}
