package vn.speedwatch.collector;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.speedwatch.collector.Fixtures.measurement;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import vn.speedwatch.kafka.EmbeddedKafkaBroker;
import vn.speedwatch.warehouse.MeasurementRepository;
import vn.speedwatch.warehouse.RawMeasurementRow;
import vn.speedwatch.warehouse.testing.PostgresDatabase;

/** Receipt look-ups against a real warehouse, and the per-client rate limit. */
@ExtendWith(VertxExtension.class)
class CollectorWarehouseTest {

    @RegisterExtension static PostgresDatabase db = new PostgresDatabase();
    @TempDir static Path kafkaDir;
    static EmbeddedKafkaBroker broker;

    @BeforeAll
    static void startBroker() {
        broker = EmbeddedKafkaBroker.start(kafkaDir, 0);
        broker.createTopic(Fixtures.TOPIC, 1);
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    @Test
    void aReceiptShowsPendingThenStoredWithoutCoordinatesThenErased(Vertx vertx) throws Exception {
        Collector collector =
                join(
                        Collector.start(
                                vertx,
                                Fixtures.config(
                                        broker.bootstrapServers(),
                                        Map.of("db.url", db.jdbcUrl(), "db.user", "postgres"))));
        try (Http http = new Http(vertx, collector.port())) {
            ObjectNode sent = measurement(95.5).put("latitude", 20.93).put("longitude", 106.66);
            UUID id = UUID.fromString(sent.get("id").asText());
            String receipt =
                    Http.json(http.postJson(sent.toString()))
                            .get("items")
                            .get(0)
                            .get("receipt")
                            .asText();
            String path = "/api/v1/measurements/" + receipt;

            JsonNode pending = Http.json(http.request(HttpMethod.GET, path));
            assertThat(pending.get("state").asText()).isEqualTo("PENDING");
            assertThat(pending.get("stateKnown").asBoolean()).isTrue();

            MeasurementRepository repo = new MeasurementRepository(db.dataSource());
            repo.upsert(List.of(storedRow(id)));
            HttpResponse<Buffer> stored = http.request(HttpMethod.GET, path);
            assertThat(stored.statusCode()).isEqualTo(200);
            JsonNode m = Http.json(stored).get("measurement");
            assertThat(Http.json(stored).get("state").asText()).isEqualTo("STORED");
            assertThat(m.get("downloadMbps").asDouble()).isEqualTo(95.5);
            assertThat(m.get("tdpCode").asText()).isEqualTo("TDP-07");
            assertThat(stored.bodyAsString()).doesNotContain("latitude", "20.93", "longitude");

            repo.erase(id, Instant.now());
            assertThat(Http.json(http.request(HttpMethod.GET, path)).get("state").asText())
                    .isEqualTo("ERASED");
        } finally {
            join(collector.close());
        }
    }

    @Test
    void aClientOverItsRateGets429WithRetryAfterWhileAProbeKeyIsNotLimited(Vertx vertx)
            throws Exception {
        Collector collector =
                join(
                        Collector.start(
                                vertx,
                                Fixtures.config(
                                        broker.bootstrapServers(),
                                        Map.of(
                                                "collector.rate-per-second",
                                                "0.2",
                                                "collector.burst",
                                                "2"))));
        try (Http http = new Http(vertx, collector.port())) {
            assertThat(http.postJson(measurement(1).toString()).statusCode()).isEqualTo(202);
            assertThat(http.postJson(measurement(2).toString()).statusCode()).isEqualTo(202);
            HttpResponse<Buffer> limited = http.postJson(measurement(3).toString());

            assertThat(limited.statusCode()).isEqualTo(429);
            assertThat(limited.getHeader("Content-Type")).startsWith("application/problem+json");
            assertThat(Integer.parseInt(limited.getHeader("Retry-After"))).isBetween(1, 5);
            for (int i = 0; i < 5; i++) {
                HttpResponse<Buffer> probe =
                        Http.await(
                                http.prepare(HttpMethod.POST, "/api/v1/measurements")
                                        .putHeader("Content-Type", "application/json")
                                        .putHeader("X-Api-Key", Fixtures.PROBE_KEY)
                                        .sendBuffer(Buffer.buffer(measurement(4 + i).toString())));
                assertThat(probe.statusCode()).isEqualTo(202);
            }
            String metrics = http.request(HttpMethod.GET, "/metrics").bodyAsString();
            assertThat(metrics)
                    .contains(CollectorMetrics.REJECTED_PROM + "{reason=\"rate_limited\"} 1.0");
        } finally {
            join(collector.close());
        }
    }

    @Test
    void forwardedForFromATrustedProxyNamesTheResidentNotTheProxy(Vertx vertx) throws Exception {
        Collector collector =
                join(
                        Collector.start(
                                vertx,
                                Fixtures.config(
                                        broker.bootstrapServers(),
                                        Map.of("collector.trusted-proxies", "127.0.0.0/8"))));
        TopicReader topic = new TopicReader(broker.bootstrapServers(), Fixtures.TOPIC);
        try (Http http = new Http(vertx, collector.port())) {
            java.util.List<String> hashes = new java.util.ArrayList<>();
            for (String resident : List.of("203.113.7.9", "203.113.7.10")) {
                ObjectNode m = measurement(30);
                Http.await(
                        http.prepare(HttpMethod.POST, "/api/v1/measurements")
                                .putHeader("Content-Type", "application/json")
                                .putHeader("X-Forwarded-For", resident)
                                .sendBuffer(Buffer.buffer(m.toString())));
                hashes.add(
                        topic.all().stream()
                                .filter(e -> e.getKey().equals(m.get("id").asText()))
                                .findFirst()
                                .orElseThrow()
                                .getValue()
                                .clientHash());
            }
            assertThat(hashes.get(0)).isNotEqualTo(hashes.get(1));
            assertThat(String.join(",", hashes)).doesNotContain("203.113");
        } finally {
            join(collector.close());
        }
    }

    private static RawMeasurementRow storedRow(UUID id) {
        Instant at = Instant.now().minus(10, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
        return new RawMeasurementRow(
                id,
                at,
                at.plusSeconds(2),
                95.5,
                42.5,
                12.0,
                1.5,
                null,
                null,
                "VIETTEL",
                "Viettel",
                "FIXED_FIBER",
                null,
                null,
                "TDP-07",
                "cell-1",
                20.93,
                106.66,
                8.0,
                null,
                "web",
                null,
                "hash",
                null,
                true,
                null,
                null);
    }

    private static <T> T join(Future<T> f) throws Exception {
        return f.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    }
}
