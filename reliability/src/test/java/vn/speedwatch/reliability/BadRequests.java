package vn.speedwatch.reliability;

import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Generated bad requests for the flood: each kind builds the i-th variant of a malformed, hostile
 * or oversized submission. None of them is a valid measurement, so none may reach the topic.
 */
final class BadRequests {

    /** One request to send: path, headers that matter, body. */
    record Bad(String kind, String path, String contentType, String apiKey, Buffer body) {}

    private static final String PATH = "/api/v1/measurements";

    /** A body twice the collector's 64 kB limit in these tests. */
    private static final String OVERSIZED = "[" + "\"a\",".repeat(30_000) + "\"a\"]";

    /** The kinds, in rotation. */
    static final List<IntFunction<Bad>> KINDS =
            List.of(
                    i -> json("truncated", valid(i).substring(0, 5 + i % 60)),
                    i ->
                            json(
                                    "deep-nesting",
                                    "[".repeat(2000 + i % 100) + "]".repeat(2000 + i % 100)),
                    i ->
                            json(
                                    "wrong-type",
                                    valid(i).replace(
                                                    "\"downloadMbps\":85.0",
                                                    "\"downloadMbps\":\"rất nhanh\"")),
                    i ->
                            json(
                                    "huge-number",
                                    valid(i).replace("85.0", "1" + "0".repeat(400 + i % 50))),
                    i -> json("exponent", valid(i).replace("85.0", "1e" + (308 + i % 5000))),
                    i -> json("nan", valid(i).replace("85.0", i % 2 == 0 ? "NaN" : "Infinity")),
                    i -> json("negative", valid(i).replace("85.0", "-" + (i % 1000 + 1))),
                    i -> new Bad("invalid-utf8", PATH, "application/json", null, invalidUtf8(i)),
                    i -> json("not-an-object", i % 2 == 0 ? "\"just a string\"" : "42"),
                    i -> json("empty-object", "{}"),
                    i -> json("empty-body", ""),
                    i ->
                            json(
                                    "bad-uuid",
                                    valid(i).replaceFirst(
                                                    "\"id\":\"[^\"]+\"",
                                                    "\"id\":\"' OR 1=1; DROP TABLE measurements_raw; --\"")),
                    i ->
                            json(
                                    "bad-date",
                                    valid(i).replaceFirst(
                                                    "\"measuredAt\":\"[^\"]+\"",
                                                    "\"measuredAt\":\"2026-13-45T99:99:99+25:00\"")),
                    i ->
                            json(
                                    "future",
                                    valid(i).replaceFirst(
                                                    "\"measuredAt\":\"[^\"]+\"",
                                                    "\"measuredAt\":\"2099-01-01T00:00:00+07:00\"")),
                    i ->
                            json(
                                    "latency-as-object",
                                    valid(i).replace(
                                                    "\"latencyMs\":12.0",
                                                    "\"latencyMs\":{\"$gt\":\"<script>alert(1)</script>\"}")),
                    i -> json("missing-id", valid(i).replaceFirst("\"id\":\"[^\"]+\",", "")),
                    i -> json("huge-string", valid(i).replace("TDP-07", "x".repeat(30_000))),
                    i ->
                            new Bad(
                                    "wrong-media-type",
                                    PATH,
                                    i % 2 == 0 ? "text/plain" : null,
                                    null,
                                    Buffer.buffer(valid(i))),
                    i ->
                            new Bad(
                                    "wrong-api-key",
                                    PATH,
                                    "application/json",
                                    "wrong-" + i,
                                    Buffer.buffer(valid(i))),
                    i ->
                            new Bad(
                                    "unknown-format",
                                    PATH + "?format=evil" + i,
                                    "application/json",
                                    null,
                                    Buffer.buffer(valid(i))),
                    i ->
                            new Bad(
                                    "ndjson-garbage",
                                    PATH,
                                    "application/x-ndjson",
                                    null,
                                    Buffer.buffer("{\n}\n[\n" + "garbage\n".repeat(1 + i % 20))),
                    i -> new Bad("batch-too-big", PATH, "application/json", null, batch(60)),
                    i -> json("null", "null"),
                    i -> json("oversized", OVERSIZED));

    private BadRequests() {}

    /** The i-th bad request of the flood. */
    static Bad nth(int i) {
        return KINDS.get(i % KINDS.size()).apply(i / KINDS.size());
    }

    /** A valid body the variants break (downloadMbps 85.0). */
    static String valid(int i) {
        return Fixtures.measurement(85.0).toString();
    }

    private static Bad json(String kind, String body) {
        return new Bad(kind, PATH, "application/json", null, Buffer.buffer(body));
    }

    private static Buffer invalidUtf8(int i) {
        byte[] prefix = "{\"id\":\"".getBytes(StandardCharsets.UTF_8);
        byte[] bad = {(byte) 0xC3, (byte) 0x28, (byte) 0xFF, (byte) (0x80 + i % 64)};
        return Buffer.buffer(prefix).appendBytes(bad).appendString("\"}");
    }

    private static Buffer batch(int n) {
        StringBuilder b = new StringBuilder("[");
        for (int k = 0; k < n; k++) {
            b.append(k == 0 ? "" : ",").append(valid(k));
        }
        return Buffer.buffer(b.append(']').toString());
    }
}
