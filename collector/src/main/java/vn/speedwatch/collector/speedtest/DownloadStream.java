package vn.speedwatch.collector.speedtest;

import io.vertx.core.http.HttpServerResponse;

/**
 * Writes {@code total} random bytes to a response as fast as the client reads them, never more than
 * the write queue holds: a slow phone must not make the server buffer megabytes.
 */
final class DownloadStream {

    private final HttpServerResponse response;
    private final RandomPayload payload;
    private long remaining;

    private DownloadStream(HttpServerResponse response, RandomPayload payload, long total) {
        this.response = response;
        this.payload = payload;
        this.remaining = total;
    }

    static void send(HttpServerResponse response, RandomPayload payload, long total) {
        response.putHeader("Content-Length", Long.toString(total));
        new DownloadStream(response, payload, total).pump();
    }

    private void pump() {
        if (response.ended()) {
            return; // a late drain event after the last write
        }
        while (remaining > 0 && !response.writeQueueFull()) {
            if (response.closed()) {
                return; // the browser stopped reading: its time is up, nothing to clean
            }
            int n = (int) Math.min(remaining, RandomPayload.BLOCK_BYTES);
            remaining -= n;
            response.write(payload.take(n));
        }
        if (remaining == 0) {
            response.drainHandler(null);
            response.end();
        } else if (!response.closed()) {
            response.drainHandler(v -> pump());
        }
    }
}
