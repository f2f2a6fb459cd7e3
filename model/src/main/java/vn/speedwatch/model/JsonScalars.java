package vn.speedwatch.model;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;

/**
 * Reads the value under a streaming parser as the node {@link Json#mapper()} would have built in a
 * tree, for readers that skip building the whole tree: scalars become the same node types, and an
 * object or array is skipped and stands as an empty one (only its JSON type is ever judged).
 */
public final class JsonScalars {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private JsonScalars() {}

    /** The value the parser is on (its current token); leaves the parser on the value's end. */
    public static JsonNode read(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        return switch (t) {
            case VALUE_STRING -> NODES.textNode(p.getText());
            case VALUE_NUMBER_INT ->
                    switch (p.getNumberType()) {
                        case INT -> NODES.numberNode(p.getIntValue());
                        case LONG -> NODES.numberNode(p.getLongValue());
                        default -> NODES.numberNode(p.getBigIntegerValue());
                    };
            case VALUE_NUMBER_FLOAT -> NODES.numberNode(p.getDoubleValue());
            case VALUE_TRUE -> NODES.booleanNode(true);
            case VALUE_FALSE -> NODES.booleanNode(false);
            case VALUE_NULL -> NODES.nullNode();
            case START_OBJECT -> skipped(p, NODES.objectNode());
            case START_ARRAY -> skipped(p, NODES.arrayNode());
            default -> throw new IOException("expected a JSON value, found " + t);
        };
    }

    private static JsonNode skipped(JsonParser p, JsonNode empty) throws IOException {
        p.skipChildren();
        return empty;
    }
}
