package vn.speedwatch.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.Vertx;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import vn.speedwatch.collector.Collector;
import vn.speedwatch.kafka.EmbeddedKafkaBroker;
import vn.speedwatch.model.Json;
import vn.speedwatch.warehouse.testing.PostgresDatabase;

/**
 * Every collector route × {anonymous, resident holding a receipt, probe API key, wrong API key}
 * against a real collector, broker and warehouse: the status each gets, and the security headers on
 * the answers.
 */
class AuthorizationMatrixTest {

    @RegisterExtension static final PostgresDatabase DB = new PostgresDatabase();

    @TempDir static Path kafkaDir;

    private static Vertx vertx;
    private static EmbeddedKafkaBroker broker;
    private static Collector collector;
    private static Client client;

    @BeforeAll
    static void start() throws Exception {
        vertx = Vertx.vertx();
        broker = EmbeddedKafkaBroker.start(kafkaDir, 0);
        broker.createTopic(Fixtures.TOPIC, 2);
        collector =
                BadInputFloodTest.join(
                        Collector.start(vertx, Fixtures.config(broker.bootstrapServers(), DB)));
        client = new Client(collector.port());
    }

    @AfterAll
    static void stop() throws Exception {
        BadInputFloodTest.join(collector.close());
        broker.close();
        BadInputFloodTest.join(vertx.close());
    }

    @Test
    void everyRouteAnswersEachKindOfCallerAsSpecified() throws Exception {
        String mine = receiptOfANewResult();
        String erasable = receiptOfANewResult();
        String forged = mine.substring(0, mine.indexOf('.') + 1) + "AAAAAAAAAAAAAAAAAAAAAA";
        Map<String, Map<String, String>> who = new LinkedHashMap<>();
        who.put("anonymous", Map.of());
        who.put("resident", Map.of());
        who.put("probe key", Map.of("X-Api-Key", Fixtures.PROBE_KEY));
        who.put("wrong key", Map.of("X-Api-Key", "not-the-probe-key"));

        List<String> table = new ArrayList<>();
        for (Map.Entry<String, Map<String, String>> caller : who.entrySet()) {
            String name = caller.getKey();
            Map<String, String> h = caller.getValue();
            boolean wrongKey = name.equals("wrong key");
            String receipt = name.equals("resident") ? mine : forged;
            expect(
                    table,
                    name,
                    "POST /api/v1/measurements",
                    client.post(Fixtures.measurement(50).toString(), h),
                    wrongKey ? 401 : 202);
            expect(
                    table,
                    name,
                    "GET /api/v1/measurements/{receipt}",
                    client.get("/api/v1/measurements/" + receipt, h),
                    wrongKey ? 401 : name.equals("resident") ? 200 : 404);
            expect(
                    table,
                    name,
                    "GET /api/v1/measurements/{garbage}",
                    client.get("/api/v1/measurements/..%2F..%2Fetc%2Fpasswd", h),
                    wrongKey ? 401 : 404);
            expect(table, name, "GET /health/live", client.get("/health/live", h), 200);
            expect(table, name, "GET /health/ready", client.get("/health/ready", h), 200);
            expect(
                    table,
                    name,
                    "GET /api/v1/openapi.yaml",
                    client.get("/api/v1/openapi.yaml", h),
                    200);
            expect(
                    table,
                    name,
                    "GET /metrics (no token configured)",
                    client.get("/metrics", h),
                    200);
            expect(
                    table,
                    name,
                    "PUT /api/v1/measurements",
                    client.put("/api/v1/measurements", h),
                    405);
        }
        expect(
                table,
                "resident",
                "DELETE /api/v1/measurements/{own receipt}",
                client.delete("/api/v1/measurements/" + erasable, Map.of()),
                202);
        expect(
                table,
                "anonymous",
                "DELETE /api/v1/measurements/{forged receipt}",
                client.delete("/api/v1/measurements/" + forged, Map.of()),
                404);
        expect(
                table,
                "probe key",
                "DELETE /api/v1/measurements/{forged receipt}",
                client.delete(
                        "/api/v1/measurements/" + forged, Map.of("X-Api-Key", Fixtures.PROBE_KEY)),
                404);
        expect(
                table,
                "wrong key",
                "DELETE /api/v1/measurements/{own receipt}",
                client.delete(
                        "/api/v1/measurements/" + mine, Map.of("X-Api-Key", "not-the-probe-key")),
                401);
        Results.record(
                "collector authorization matrix",
                table.size() + " route × caller" + " checks: " + String.join("; ", table));
        assertThat(table).as("mismatches").noneMatch(row -> row.contains("MISMATCH"));
    }

    @Test
    void metricsAskForTheBearerTokenWhenOneIsConfigured() throws Exception {
        String token = "scrape-token-for-prometheus-07";
        Collector guarded =
                BadInputFloodTest.join(
                        Collector.start(
                                vertx,
                                Fixtures.config(
                                        broker.bootstrapServers(),
                                        Map.of("collector.metrics-token", token))));
        try {
            Client c = new Client(guarded.port());
            Map<String, Integer> statuses = new LinkedHashMap<>();
            statuses.put("anonymous", c.get("/metrics", Map.of()).statusCode());
            statuses.put(
                    "probe key",
                    c.get("/metrics", Map.of("X-Api-Key", Fixtures.PROBE_KEY)).statusCode());
            statuses.put(
                    "wrong token",
                    c.get("/metrics", Map.of("Authorization", "Bearer " + token + "x"))
                            .statusCode());
            statuses.put(
                    "token without Bearer",
                    c.get("/metrics", Map.of("Authorization", token)).statusCode());
            HttpResponse<String> scrape =
                    c.get("/metrics", Map.of("Authorization", "Bearer " + token));
            statuses.put("right token", scrape.statusCode());
            Results.record("collector /metrics with collector.metrics-token", statuses.toString());
            assertThat(statuses)
                    .containsExactly(
                            Map.entry("anonymous", 401),
                            Map.entry("probe key", 401),
                            Map.entry("wrong token", 401),
                            Map.entry("token without Bearer", 401),
                            Map.entry("right token", 200));
            assertThat(scrape.body()).contains("speedwatch_http_requests");
            assertThat(c.get("/metrics", Map.of()).headers().firstValue("WWW-Authenticate"))
                    .hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
        } finally {
            BadInputFloodTest.join(guarded.close());
        }
    }

    @Test
    void answersCarryBrowserSecurityHeaders() {
        Map<String, HttpResponse<String>> answers = new LinkedHashMap<>();
        answers.put(
                "POST /api/v1/measurements 202",
                client.post(Fixtures.measurement(51).toString(), Map.of()));
        answers.put(
                "POST /api/v1/measurements 415",
                client.post("{}", Map.of("Content-Type", "text/html")));
        answers.put("GET / (resident page)", client.get("/", Map.of()));
        List<String> missing = new ArrayList<>();
        answers.forEach(
                (what, r) -> {
                    if (!"nosniff"
                            .equals(r.headers().firstValue("X-Content-Type-Options").orElse(""))) {
                        missing.add(what + ": X-Content-Type-Options");
                    }
                });
        HttpResponse<String> page = answers.get("GET / (resident page)");
        if (page.headers().firstValue("Content-Security-Policy").isEmpty()
                && page.headers().firstValue("X-Frame-Options").isEmpty()) {
            missing.add("GET /: Content-Security-Policy frame-ancestors or X-Frame-Options");
        }
        Results.record(
                "collector security headers",
                answers.size() + " answers checked;" + " missing: " + missing);
        assertThat(missing).as("security headers missing").isEmpty();
    }

    private static void expect(
            List<String> table, String caller, String route, HttpResponse<String> r, int expected) {
        int actual = r == null ? Client.NO_ANSWER : r.statusCode();
        table.add(
                caller
                        + " "
                        + route
                        + " → "
                        + actual
                        + (actual == expected ? "" : " MISMATCH (expected " + expected + ")"));
    }

    private static String receiptOfANewResult() throws Exception {
        HttpResponse<String> r = client.post(Fixtures.measurement(60).toString(), Map.of());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
        JsonNode body = Json.mapper().readTree(r.body());
        return body.path("items").path(0).path("receipt").asText();
    }
}
