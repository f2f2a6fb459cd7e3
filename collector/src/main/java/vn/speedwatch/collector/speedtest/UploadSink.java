package vn.speedwatch.collector.speedtest;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import vn.speedwatch.collector.http.Problems;
import vn.speedwatch.collector.http.Reply;
import vn.speedwatch.model.Json;

/**
 * The upload test's sink: counts the bytes of the body and throws them away, so a 100 MB upload
 * costs no memory. A body over the cap gets a 413 and the connection is closed.
 */
final class UploadSink {

    private final RoutingContext ctx;
    private final long max;
    private long received;
    private boolean refused;

    private UploadSink(RoutingContext ctx, long max) {
        this.ctx = ctx;
        this.max = max;
    }

    static void receive(RoutingContext ctx, long max) {
        UploadSink sink = new UploadSink(ctx, max);
        HttpServerRequest req = ctx.request();
        req.handler(sink::count);
        req.endHandler(v -> sink.finish());
        req.exceptionHandler(e -> sink.refused = true); // the browser aborted: nothing to answer
        req.resume();
    }

    private void count(io.vertx.core.buffer.Buffer chunk) {
        received += chunk.length();
        if (received > max && !refused) {
            refused = true;
            Reply.problem(Problems.tooLarge(max), ctx.request().path()).send(ctx);
            ctx.request().connection().close();
        }
    }

    private void finish() {
        if (!refused) {
            Reply.json(200, Json.mapper().createObjectNode().put("receivedBytes", received))
                    .send(ctx);
        }
    }
}
