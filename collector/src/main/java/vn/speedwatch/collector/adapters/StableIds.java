package vn.speedwatch.collector.adapters;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import vn.speedwatch.model.Json;

/**
 * Name-based UUIDs for results that carry no UUID of their own, so that posting the same result
 * twice gives the same id and the pipeline dedupes it. The name is the canonical JSON (keys sorted,
 * no blanks) of the result without its address fields: an id must not be a hash an address could be
 * brute-forced back from.
 */
final class StableIds {

    private StableIds() {}

    /** The id for {@code format} and the given name parts. */
    static UUID nameBased(String format, String... parts) {
        String name = "speedwatch:" + format + ":" + String.join("\n", parts);
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
    }

    /** Canonical JSON of {@code node} without the members named {@code dropped}, at any depth. */
    static String canonical(JsonNode node, Set<String> dropped) {
        try {
            return Json.mapper().writeValueAsString(sorted(node, dropped));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serializes", e);
        }
    }

    private static JsonNode sorted(JsonNode node, Set<String> dropped) {
        if (node.isObject()) {
            ObjectNode out = Json.mapper().createObjectNode();
            Set<String> names = new TreeSet<>();
            node.fieldNames().forEachRemaining(names::add);
            names.removeAll(dropped);
            names.forEach(name -> out.set(name, sorted(node.get(name), dropped)));
            return out;
        } else if (node.isArray()) {
            ArrayNode out = Json.mapper().createArrayNode();
            for (Iterator<JsonNode> it = node.elements(); it.hasNext(); ) {
                out.add(sorted(it.next(), dropped));
            }
            return out;
        }
        return node;
    }
}
