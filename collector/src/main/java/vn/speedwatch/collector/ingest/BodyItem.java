package vn.speedwatch.collector.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import vn.speedwatch.model.Violation;

/**
 * One measurement-sized piece of a request body: the parsed JSON, or why it could not be read.
 * {@code index} is the position in the batch (0 for a single object), used in JSON pointers.
 */
public record BodyItem(int index, JsonNode node, List<Violation> problems) {

    public BodyItem {
        problems = List.copyOf(problems);
    }

    static BodyItem of(int index, JsonNode node) {
        return new BodyItem(index, node, List.of());
    }

    static BodyItem broken(int index, Violation problem) {
        return new BodyItem(index, null, List.of(problem));
    }

    public boolean readable() {
        return node != null;
    }
}
