package vn.speedwatch.collector;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.util.concurrent.TimeUnit;
import vn.speedwatch.model.Json;

/** A blocking test client for the collector: tests read top to bottom like a resident's visit. */
final class Http implements AutoCloseable {

    private final WebClient client;
    private final int port;

    Http(Vertx vertx, int port) {
        this.client =
                WebClient.create(
                        vertx,
                        new WebClientOptions().setDefaultHost("127.0.0.1").setDefaultPort(port));
        this.port = port;
    }

    HttpResponse<Buffer> post(String path, String contentType, String body) {
        return post(path, contentType, Buffer.buffer(body));
    }

    HttpResponse<Buffer> post(String path, String contentType, Buffer body) {
        HttpRequest<Buffer> r = client.post(port, "127.0.0.1", path);
        if (contentType != null) {
            r.putHeader("Content-Type", contentType);
        }
        return await(r.sendBuffer(body));
    }

    HttpResponse<Buffer> postJson(String body) {
        return post("/api/v1/measurements", "application/json", body);
    }

    HttpResponse<Buffer> request(HttpMethod method, String path) {
        return await(client.request(method, port, "127.0.0.1", path).send());
    }

    HttpRequest<Buffer> prepare(HttpMethod method, String path) {
        return client.request(method, port, "127.0.0.1", path);
    }

    static HttpResponse<Buffer> await(Future<HttpResponse<Buffer>> f) {
        try {
            return f.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("request failed", e);
        }
    }

    static JsonNode json(HttpResponse<Buffer> r) {
        try {
            return Json.mapper().readTree(r.bodyAsString());
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + r.bodyAsString(), e);
        }
    }

    @Override
    public void close() {
        client.close();
    }
}
