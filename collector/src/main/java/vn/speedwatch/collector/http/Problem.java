package vn.speedwatch.collector.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.List;
import vn.speedwatch.model.Json;
import vn.speedwatch.model.Violation;

/**
 * An RFC 9457 problem document: {@code title}/{@code detail} in Vietnamese with English twins
 * ({@code titleEn}/{@code detailEn}), and {@code errors}, every field violation with its JSON
 * pointer. {@code retryAfter}, when set, becomes the {@code Retry-After} header.
 */
public record Problem(
        int status,
        String slug,
        String titleVi,
        String titleEn,
        String detailVi,
        String detailEn,
        List<Violation> errors,
        Duration retryAfter) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public Problem {
        errors = List.copyOf(errors);
    }

    public static Problem of(
            int status,
            String slug,
            String titleVi,
            String titleEn,
            String detailVi,
            String detailEn) {
        return new Problem(status, slug, titleVi, titleEn, detailVi, detailEn, List.of(), null);
    }

    public Problem withErrors(List<Violation> violations) {
        return new Problem(
                status, slug, titleVi, titleEn, detailVi, detailEn, violations, retryAfter);
    }

    public Problem withRetryAfter(Duration after) {
        return new Problem(status, slug, titleVi, titleEn, detailVi, detailEn, errors, after);
    }

    /** Whole seconds for {@code Retry-After}, at least 1. */
    public long retryAfterSeconds() {
        return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }

    /** The JSON body; {@code instance} is the request path. */
    public ObjectNode toJson(String instance) {
        ObjectNode o = Json.mapper().createObjectNode();
        o.put("type", "urn:speedwatch:problem:" + slug);
        o.put("title", titleVi);
        o.put("titleEn", titleEn);
        o.put("status", status);
        o.put("detail", detailVi);
        o.put("detailEn", detailEn);
        if (instance != null) {
            o.put("instance", instance);
        }
        if (!errors.isEmpty()) {
            o.set("errors", errorsJson(errors));
        }
        return o;
    }

    /** Violations as {@code [{pointer, messageVi, messageEn}]}. */
    public static ArrayNode errorsJson(List<Violation> violations) {
        ArrayNode a = Json.mapper().createArrayNode();
        for (Violation v : violations) {
            a.addObject()
                    .put("pointer", v.pointer())
                    .put("messageVi", v.messageVi())
                    .put("messageEn", v.messageEn());
        }
        return a;
    }
}
