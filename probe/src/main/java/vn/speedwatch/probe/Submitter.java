package vn.speedwatch.probe;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import vn.speedwatch.model.Json;
import vn.speedwatch.model.Measurement;

/** Posts one measurement to the collector with the probe's API key. */
final class Submitter {

    /** What became of a send: accepted, refused for good, or to be tried again later. */
    enum Outcome {
        ACCEPTED,
        REJECTED,
        RETRY_LATER
    }

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final URI endpoint;
    private final String apiKey;

    Submitter(URI collectorUrl, String apiKey) {
        this.endpoint = URI.create(collectorUrl + "/api/v1/measurements");
        this.apiKey = apiKey;
    }

    Outcome send(Measurement m) throws InterruptedException {
        try {
            HttpRequest post =
                    HttpRequest.newBuilder(endpoint)
                            .timeout(Duration.ofSeconds(30))
                            .header("Content-Type", "application/json")
                            .header("X-Api-Key", apiKey)
                            .POST(
                                    HttpRequest.BodyPublishers.ofByteArray(
                                            Json.mapper().writeValueAsBytes(m)))
                            .build();
            int status = http.send(post, HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status == 202) {
                return Outcome.ACCEPTED;
            }
            // 401 (key revoked), 422 and 400 will not get better by retrying the same file.
            return status == 400 || status == 401 || status == 422
                    ? Outcome.REJECTED
                    : Outcome.RETRY_LATER;
        } catch (IOException e) {
            return Outcome.RETRY_LATER;
        }
    }
}
