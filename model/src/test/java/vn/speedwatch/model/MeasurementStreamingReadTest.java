package vn.speedwatch.model;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.speedwatch.model.Fixtures.LIMITS;
import static vn.speedwatch.model.Fixtures.fullBody;
import static vn.speedwatch.model.Fixtures.minimalBody;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The stream job reads measurements without a tree; it must accept and refuse exactly the same. */
class MeasurementStreamingReadTest {

    private final MeasurementParser parser = new MeasurementParser(LIMITS);

    @Test
    void readsValidBodiesLikeTheTree() throws IOException {
        assertSameAsTree(minimalBody().toString());
        assertSameAsTree(fullBody().toString());
    }

    @Test
    void refusesEveryWrongTypeAndShapeLikeTheTree() throws IOException {
        ObjectNode body = fullBody();
        body.put("downloadMbps", "85");
        body.putArray("uploadMbps").add(1);
        body.putObject("latencyMs").put("value", 3);
        body.put("ipVersion", 4.5);
        body.put("consent", "yes");
        body.put("accessType", "MOBILE_9G");
        body.put("client", 7);
        body.put("id", "1-2-3-4-5");
        body.put("measuredAt", "yesterday");
        body.put("jitterMs", 12345678901234L);
        body.put("packetLossPercent", new java.math.BigInteger("123456789012345678901234567890"));
        body.put("latitude", -1e308);

        assertThat(parser.parse(body).isValid()).isFalse();
        assertSameAsTree(body.toString());
    }

    @Test
    void aLaterDuplicateWinsAndNullCountsAsAbsent() throws IOException {
        String json = minimalBody().toString();
        assertSameAsTree(json.replace("{", "{\"downloadMbps\":\"first\",\"jitterMs\":5,"));
        assertSameAsTree(json.replace("}", ",\"downloadMbps\":null}"));
        assertSameAsTree(json.replace("}", ",\"jitterMs\":null,\"note\":null,\"x\":{\"y\":[1]}}"));
    }

    @Test
    void aNonObjectIsNotAnObjectAndTheParserMovesPastIt() throws IOException {
        for (String value : List.of("[1,{\"a\":2}]", "\"text\"", "12", "null")) {
            try (JsonParser p = Json.mapper().getFactory().createParser("[" + value + ",7]")) {
                p.nextToken();
                p.nextToken();
                Map<MeasurementField, JsonNode> fields = MeasurementParser.readFields(p);
                assertThat(fields).isNull();
                assertThat(p.nextIntValue(0)).isEqualTo(7);
                assertThat(parser.parse(fields))
                        .isEqualTo(parser.parse(Json.mapper().readTree(value)));
            }
        }
    }

    private void assertSameAsTree(String json) throws IOException {
        ParseResult fromTree = parser.parse(Json.mapper().readTree(json));
        ParseResult streamed;
        try (JsonParser p = Json.mapper().getFactory().createParser(json)) {
            p.nextToken();
            streamed = parser.parse(MeasurementParser.readFields(p));
        }
        assertThat(streamed).isEqualTo(fromTree);
    }
}
