package vn.speedwatch.jobs.functions;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.Map;
import vn.speedwatch.model.Json;
import vn.speedwatch.model.JsonScalars;
import vn.speedwatch.model.MeasurementField;
import vn.speedwatch.model.MeasurementParser;

/**
 * The fields of one topic record the job reads, in one streaming pass and without a JSON tree:
 * building the tree was the largest cost of the parse stage (issue #5 profile). Each field reads as
 * {@code JsonNode#asText} of the tree would have, a later duplicate key wins, and the measurement
 * keeps only the contract's fields for {@link MeasurementParser#parse(Map)}.
 */
final class TopicEnvelope {

    private static final JsonFactory FACTORY = Json.mapper().getFactory();

    /** False when the record is JSON but not an object; nothing else is then set. */
    boolean isObject;

    String type;
    String id;
    String receivedAt;
    String apiKeyId;
    String clientHash;

    /** The measurement's fields; null when absent or not an object. */
    Map<MeasurementField, JsonNode> measurement;

    private TopicEnvelope() {}

    /** Reads {@code json}; throws on malformed JSON, with the parser's message. */
    static TopicEnvelope read(String json) throws IOException {
        TopicEnvelope e = new TopicEnvelope();
        try (JsonParser p = FACTORY.createParser(json)) {
            e.isObject = p.nextToken() == JsonToken.START_OBJECT;
            if (!e.isObject) {
                // Rare: the tree tells malformed JSON from a well-formed non-object exactly.
                Json.mapper().readTree(json);
            }
            while (e.isObject && p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                p.nextToken();
                e.readField(name, p);
            }
        }
        return e;
    }

    private void readField(String name, JsonParser p) throws IOException {
        switch (name) {
            case "type" -> type = text(p);
            case "id" -> id = text(p);
            case "receivedAt" ->
                    receivedAt = p.currentToken() == JsonToken.VALUE_STRING ? p.getText() : skip(p);
            case "apiKeyId" -> apiKeyId = text(p);
            case "clientHash" -> clientHash = text(p);
            case "measurement" -> measurement = MeasurementParser.readFields(p);
            default -> p.skipChildren();
        }
    }

    /** The value as text ({@code asText}), or null for an explicit {@code null}. */
    private static String text(JsonParser p) throws IOException {
        JsonNode v = JsonScalars.read(p);
        return v.isNull() ? null : v.asText();
    }

    private static String skip(JsonParser p) throws IOException {
        p.skipChildren();
        return null;
    }
}
