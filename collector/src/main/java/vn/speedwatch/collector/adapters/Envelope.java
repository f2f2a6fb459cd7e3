package vn.speedwatch.collector.adapters;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Set;

/**
 * A posted document split into the tool's result and the resident's context (see {@link
 * ResultAdapter}). It is an envelope when it has a {@code result} member and no members besides
 * {@code result} and {@code context}; otherwise the whole document is the result, and a {@code
 * context} member in it is still the context.
 */
final class Envelope {

    static final String RESULT = "result";
    static final String CONTEXT = "context";

    private final JsonNode document;
    private final boolean wrapped;

    Envelope(JsonNode document) {
        this.document = document;
        this.wrapped = isEnvelope(document);
    }

    /** True when {@code document} wraps a result rather than being one. */
    static boolean isEnvelope(JsonNode document) {
        return document.has(RESULT) && onlyEnvelopeMembers(document);
    }

    /** The tool's result, or null (and a violation) when the envelope holds no object. */
    Source result(Problems problems) {
        if (!wrapped) {
            return new Source(document, "", problems);
        }
        JsonNode result = document.get(RESULT);
        if (!result.isObject()) {
            problems.notObject("/" + RESULT);
            return null;
        }
        return new Source(result, "/" + RESULT, problems);
    }

    /** The resident's context, or null when there is none (or it is not an object). */
    Source context(Problems problems) {
        JsonNode context = document.get(CONTEXT);
        if (context == null || context.isNull()) {
            return null;
        } else if (!context.isObject()) {
            problems.notObject("/" + CONTEXT);
            return null;
        }
        return new Source(context, "/" + CONTEXT, problems);
    }

    private static boolean onlyEnvelopeMembers(JsonNode document) {
        for (Iterator<String> names = document.fieldNames(); names.hasNext(); ) {
            if (!Set.of(RESULT, CONTEXT).contains(names.next())) {
                return false;
            }
        }
        return true;
    }
}
