package vn.speedwatch.launcher;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Random;
import java.util.UUID;
import vn.speedwatch.model.AccessType;
import vn.speedwatch.model.AreaRegistry;
import vn.speedwatch.model.ClientKind;
import vn.speedwatch.model.Json;
import vn.speedwatch.model.Measurement;

/**
 * A resident of a sample TDP posting speed tests through the real HTTP API, each from their own
 * address behind the trusted loopback proxy, as the tests' stand-in for a phone or browser.
 */
final class Resident {

    static final String TDP = "TDP-05";
    private static final AreaRegistry AREAS = AreaRegistry.loadSample();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private Resident() {}

    /** A Viettel fibre test of 85 Mbps inside {@link #TDP}, measured a minute ago. */
    static Measurement fibreTest(Random random) {
        double[] at = DemoMeasurements.pointIn(AREAS, AREAS.find(TDP).orElseThrow(), random);
        return new Measurement(
                UUID.randomUUID(),
                OffsetDateTime.now(ZoneOffset.ofHours(7)).minusMinutes(1),
                85.0,
                80.0,
                9.0,
                1.5,
                0.0,
                null,
                "Viettel",
                AccessType.FIXED_FIBER,
                100.0,
                100.0,
                at[0],
                at[1],
                15.0,
                null,
                "test",
                ClientKind.WEB,
                4,
                true,
                null);
    }

    /** Posts as the device at {@code clientIp}; returns the HTTP status. */
    static int post(String apiUrl, Measurement m, String clientIp) throws Exception {
        HttpRequest request =
                HttpRequest.newBuilder(URI.create(apiUrl))
                        .timeout(Duration.ofSeconds(30))
                        .header("Content-Type", "application/json")
                        .header("X-Forwarded-For", clientIp)
                        .POST(
                                HttpRequest.BodyPublishers.ofString(
                                        Json.mapper().writeValueAsString(m)))
                        .build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    /** GET a URL; returns status. */
    static int get(String url) throws Exception {
        return HTTP.send(
                        HttpRequest.newBuilder(URI.create(url)).GET().build(),
                        HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }
}
