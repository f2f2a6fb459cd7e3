package vn.speedwatch.reliability;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Request heads that break HTTP framing or header limits, keyed by the abuse they try. */
final class HeaderAbuse {

    static final byte[] BODY =
            Fixtures.measurement(85.0).toString().getBytes(StandardCharsets.UTF_8);
    private static final String LINE = "POST /api/v1/measurements HTTP/1.1\r\nHost: localhost\r\n";
    private static final String JSON = "Content-Type: application/json\r\n";

    private HeaderAbuse() {}

    static Map<String, String> heads() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(
                "huge-header",
                LINE
                        + JSON
                        + "X-Junk: "
                        + "a".repeat(64 * 1024)
                        + "\r\n"
                        + length(BODY.length)
                        + "\r\n");
        m.put(
                "many-headers",
                LINE + JSON + "X-Junk: 1\r\n".repeat(5_000) + length(BODY.length) + "\r\n");
        m.put("content-length-not-a-number", LINE + JSON + "Content-Length: abc\r\n\r\n");
        m.put("content-length-negative", LINE + JSON + "Content-Length: -5\r\n\r\n");
        m.put(
                "content-length-conflicting",
                LINE + JSON + length(BODY.length) + "Content-Length: 3\r\n\r\n");
        m.put("content-length-too-short", LINE + JSON + length(10) + "\r\n");
        m.put(
                "content-type-garbage",
                LINE + "Content-Type: ;;;\u00ff\u00fe/\r\n" + length(BODY.length) + "\r\n");
        m.put(
                "request-line-garbage",
                "POST /api/v1/measurements?\u0000\u0001 HTTP/9.9\r\n"
                        + "Host: localhost\r\n"
                        + JSON
                        + length(BODY.length)
                        + "\r\n");
        return m;
    }

    /** Chunked framing that never sends the last chunk: the body never completes. */
    static String unfinishedChunked() {
        return LINE + JSON + length(BODY.length) + "Transfer-Encoding: chunked\r\n\r\n";
    }

    private static String length(int n) {
        return "Content-Length: " + n + "\r\n";
    }
}
