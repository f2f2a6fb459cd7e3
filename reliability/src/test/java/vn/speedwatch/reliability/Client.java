package vn.speedwatch.reliability;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** A blocking resident's client for the collector: posts, looks up and erases by receipt. */
final class Client {

    /** No answer: the connection failed or timed out. */
    static final int NO_ANSWER = -1;

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private volatile int port;

    Client(int port) {
        this.port = port;
    }

    /** Points the client at a restarted collector. */
    void port(int newPort) {
        this.port = newPort;
    }

    HttpResponse<String> post(String body, Map<String, String> headers) {
        HttpRequest.Builder b =
                request("/api/v1/measurements")
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(b::header);
        return send(b.build());
    }

    /** A JSON post to another path (or the measurements path with query parameters). */
    HttpResponse<String> postTo(String path, String body) {
        return send(
                request(path)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build());
    }

    /** The status of a post, or {@link #NO_ANSWER}. */
    int postStatus(String body) {
        HttpResponse<String> r = post(body, Map.of());
        return r == null ? NO_ANSWER : r.statusCode();
    }

    HttpResponse<String> get(String path, Map<String, String> headers) {
        HttpRequest.Builder b = request(path).GET();
        headers.forEach(b::header);
        return send(b.build());
    }

    HttpResponse<String> put(String path, Map<String, String> headers) {
        HttpRequest.Builder b =
                request(path)
                        .PUT(HttpRequest.BodyPublishers.ofString("{}"))
                        .header("Content-Type", "application/json");
        headers.forEach(b::header);
        return send(b.build());
    }

    HttpResponse<String> delete(String path, Map<String, String> headers) {
        HttpRequest.Builder b = request(path).DELETE();
        headers.forEach(b::header);
        return send(b.build());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(15));
    }

    private HttpResponse<String> send(HttpRequest r) {
        try {
            return http.send(r, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
