package vn.speedwatch.collector.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;

/** An HTTP answer computed by a plain class and written by the verticle in one place. */
public record Reply(int status, String contentType, Buffer body, Duration retryAfter) {

    public static Reply json(int status, ObjectNode body) {
        return json(status, Buffer.buffer(body.toString()));
    }

    /** A JSON document already written out, e.g. by {@link ItemsReply}. */
    public static Reply json(int status, Buffer body) {
        return new Reply(status, "application/json; charset=utf-8", body, null);
    }

    public static Reply problem(Problem p, String instance) {
        return problem(p, Buffer.buffer(p.toJson(instance).toString()));
    }

    /** The problem {@code p} written out as {@code document}, with members the caller added. */
    public static Reply problem(Problem p, Buffer document) {
        return new Reply(
                p.status(),
                Problem.MEDIA_TYPE + "; charset=utf-8",
                document,
                p.retryAfter() == null ? null : Duration.ofSeconds(p.retryAfterSeconds()));
    }

    /** Writes this reply unless the request already got an answer (e.g. it timed out). */
    public void send(RoutingContext ctx) {
        HttpServerResponse response = ctx.response();
        if (response.ended() || response.headWritten()) {
            return;
        }
        response.setStatusCode(status).putHeader("Content-Type", contentType);
        if (retryAfter != null) {
            response.putHeader("Retry-After", Long.toString(retryAfter.toSeconds()));
        }
        response.end(body);
    }
}
