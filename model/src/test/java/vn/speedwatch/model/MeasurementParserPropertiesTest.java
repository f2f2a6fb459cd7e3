package vn.speedwatch.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Whatever arrives, the parser answers with a result, and the two entry points agree. */
class MeasurementParserPropertiesTest {

    private final MeasurementParser parser = new MeasurementParser(Fixtures.LIMITS);

    @Property(tries = 300)
    void neverThrowsOnArbitraryBytes(@ForAll String text) {
        ParseResult result = parser.parse(text.getBytes(StandardCharsets.UTF_8));

        assertThat(result.isValid() || !result.violations().isEmpty()).isTrue();
    }

    @Property(tries = 500)
    void neverThrowsWhateverAFieldHolds(
            @ForAll MeasurementField field, @ForAll("jsonValues") JsonNode value) {
        ObjectNode body = Fixtures.fullBody();
        body.set(field.jsonName(), value);

        ParseResult result = parser.parse(body);

        if (!result.isValid()) {
            assertThat(result.violations())
                    .allSatisfy(
                            v -> {
                                assertThat(v.messageVi()).isNotBlank();
                                assertThat(v.messageEn()).isNotBlank();
                            });
        }
    }

    @Property(tries = 500)
    void treeAndRecordGetTheSameVerdict(@ForAll("speeds") double download) {
        boolean expected = Double.isFinite(download) && download >= 0 && download <= 100_000;

        ParseResult parsed = parser.parse(Fixtures.minimalBody().put("downloadMbps", download));
        boolean recordValid = parser.validate(Fixtures.measurement(download, 40, 12)).isEmpty();

        assertThat(parsed.isValid()).isEqualTo(expected);
        assertThat(recordValid).isEqualTo(expected);
    }

    @Property(tries = 200)
    void anAcceptedMeasurementStaysValidAfterTheTopicRoundTrip(
            @ForAll MeasurementField field, @ForAll("jsonValues") JsonNode value) throws Exception {
        ObjectNode body = Fixtures.fullBody();
        body.set(field.jsonName(), value);
        ParseResult result = parser.parse(body);
        if (!result.isValid()) {
            return;
        }

        byte[] onTopic = Json.mapper().writeValueAsBytes(result.measurement());
        Measurement back = Json.mapper().readValue(onTopic, Measurement.class);

        assertThat(back).isEqualTo(result.measurement());
        assertThat(parser.validate(back)).isEmpty();
    }

    @Provide
    Arbitrary<Double> speeds() {
        return Arbitraries.oneOf(
                Arbitraries.doubles().between(-10, 110_000),
                Arbitraries.of(
                        0.0,
                        -0.0,
                        100_000.0,
                        Math.nextUp(100_000.0),
                        -Double.MIN_VALUE,
                        Double.NaN,
                        Double.POSITIVE_INFINITY,
                        Double.NEGATIVE_INFINITY,
                        Double.MAX_VALUE));
    }

    @Provide
    Arbitrary<JsonNode> jsonValues() {
        JsonNodeFactory f = JsonNodeFactory.instance;
        return Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(40).map(f::textNode),
                Arbitraries.doubles().map(f::numberNode),
                Arbitraries.integers().map(f::numberNode),
                Arbitraries.of(true, false).map(f::booleanNode),
                Arbitraries.of(
                        f.nullNode(),
                        f.arrayNode(),
                        f.objectNode(),
                        f.numberNode(Double.NaN),
                        f.textNode("FIXED_FIBER"),
                        f.textNode("ndt7"),
                        f.textNode("2026-11-27T11:00:00+07:00"),
                        f.numberNode(6)));
    }
}
