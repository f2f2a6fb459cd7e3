package vn.speedwatch.collector.adapters;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import vn.speedwatch.model.Json;

/**
 * Typed reads from one part of a posted document. Every problem becomes a violation whose pointer
 * is the read path below {@link #pointer(String) this part's own pointer}; a read that fails
 * returns null, so an adapter goes on and reports all problems at once. JSON {@code null} counts as
 * absent.
 */
final class Source {

    private final JsonNode root;
    private final String base;
    private final Problems problems;

    Source(JsonNode root, String base, Problems problems) {
        this.root = root;
        this.base = base;
        this.problems = problems;
    }

    JsonNode root() {
        return root;
    }

    Problems problems() {
        return problems;
    }

    /** The pointer into the posted document for {@code path} (a JSON pointer below this part). */
    String pointer(String path) {
        return base + path;
    }

    JsonNode node(String path) {
        JsonNode n = root.at(path);
        return n.isNull() ? MissingNode.getInstance() : n;
    }

    boolean has(String path) {
        return !node(path).isMissingNode();
    }

    /** A JSON number; text is a type error, since the tool writes numbers. */
    BigDecimal number(String path, boolean required) {
        JsonNode n = node(path);
        if (n.isMissingNode()) {
            return absent(path, required);
        } else if (!n.isNumber()) {
            problems.notNumber(pointer(path));
            return null;
        } else if (!Double.isFinite(n.doubleValue())) {
            // 1e400 parses to infinity, which has no decimal value.
            problems.add(pointer(path), "Phải là một số hữu hạn", "Must be a finite number");
            return null;
        }
        return n.decimalValue();
    }

    /** A JSON number or a typed decimal ("85,3", "85.3 Mbps"); a blank text is absent. */
    BigDecimal decimal(String path, boolean required, String... units) {
        JsonNode n = node(path);
        if (!n.isTextual()) {
            return number(path, required);
        } else if (n.textValue().isBlank()) {
            return absent(path, required);
        }
        BigDecimal value = DecimalText.parse(n.textValue(), units);
        if (value == null) {
            problems.unreadableNumber(pointer(path), n.textValue(), units);
        }
        return value;
    }

    /** A JSON string; a blank one is absent. */
    String text(String path, boolean required) {
        JsonNode n = node(path);
        if (n.isMissingNode() || n.isTextual() && n.textValue().isBlank()) {
            return absent(path, required);
        } else if (!n.isTextual()) {
            problems.notText(pointer(path));
            return null;
        }
        return n.textValue().strip();
    }

    /** A time as {@link Times} reads it; unreadable text is a violation. */
    OffsetDateTime time(String path, boolean required) {
        String text = text(path, required);
        OffsetDateTime time = text == null ? null : Times.parse(text);
        if (text != null && time == null) {
            problems.unreadableTime(pointer(path), text);
        }
        return time;
    }

    /**
     * JSON carried as a string, as LibreSpeed's form fields do, or already as JSON; null when
     * absent, blank or not JSON (the last one is a violation).
     */
    Source embedded(String path) {
        JsonNode n = node(path);
        if (n.isContainerNode()) {
            return new Source(n, pointer(path), problems);
        } else if (text(path, false) == null) {
            return null;
        }
        try {
            return new Source(Json.mapper().readTree(n.textValue()), pointer(path), problems);
        } catch (JsonProcessingException e) {
            problems.add(
                    pointer(path), "Không phải một chuỗi JSON hợp lệ", "Not a valid JSON string");
            return null;
        }
    }

    /** Records a problem at {@code path}. */
    void reject(String path, String messageVi, String messageEn) {
        problems.add(pointer(path), messageVi, messageEn);
    }

    private <T> T absent(String path, boolean required) {
        if (required) {
            problems.missing(pointer(path));
        }
        return null;
    }
}
