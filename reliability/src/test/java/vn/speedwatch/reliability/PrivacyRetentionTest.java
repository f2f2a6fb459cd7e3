package vn.speedwatch.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Vertx;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import vn.speedwatch.collector.Collector;
import vn.speedwatch.kafka.EmbeddedKafkaBroker;
import vn.speedwatch.model.Json;
import vn.speedwatch.warehouse.Retention;
import vn.speedwatch.warehouse.testing.PostgresDatabase;

/**
 * Privacy promises end to end: an erasure by receipt removes the result from the raw rows and the
 * aggregates; the public heatmap never shows a cell with fewer than k devices; precise coordinates
 * are forgotten after the configured period and old raw rows are deleted.
 */
class PrivacyRetentionTest {

    @RegisterExtension static final MiniClusterExtension FLINK = Fixtures.miniCluster();

    @RegisterExtension static final PostgresDatabase DB = new PostgresDatabase();

    /** k of k-anonymity: the pipeline's default heatmap.min-devices. */
    private static final int K = 5;

    /** Measurement ids by receipt, from the 202 answers. */
    private static final Map<String, String> IDS = new java.util.HashMap<>();

    @TempDir Path kafkaDir;

    @Test
    void erasureHeatmapAnonymityAndRetentionHold() throws Exception {
        Vertx vertx = Vertx.vertx();
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(kafkaDir, 0);
        broker.createTopic(Fixtures.TOPIC, 2);
        try {
            Collector collector =
                    BadInputFloodTest.join(
                            Collector.start(
                                    vertx, Fixtures.config(broker.bootstrapServers(), Map.of())));
            Client client = new Client(collector.port());
            List<String> receipts = new ArrayList<>();
            receipts.addAll(postFromDevices(client, 20.9405, 106.6905, K + 2, "203.0.113."));
            postFromDevices(client, 20.9455, 106.6855, K - 2, "198.51.100.");
            String erasedReceipt = receipts.get(0);
            String erasedId = IDS.get(erasedReceipt);
            HttpResponse<String> erase =
                    client.delete("/api/v1/measurements/" + erasedReceipt, Map.of());
            assertThat(erase.statusCode()).as("erasure answer").isEqualTo(202);
            long erasedAt = System.nanoTime();
            BadInputFloodTest.join(collector.close());

            Pipeline.drain(DB.settings(), broker.bootstrapServers(), "privacy");
            long erasureMillis = (System.nanoTime() - erasedAt) / 1_000_000;
            int posted = 2 * (K + 2) + 2 * (K - 2);
            long smallestCell = count("SELECT coalesce(min(device_count), 0) FROM heatmap_cells");
            Results.record(
                    "privacy: erasure, k-anonymity, retention",
                    posted
                            + " results with coordinates from "
                            + (2 * K)
                            + " devices, 1 erased by"
                            + " receipt (gone in "
                            + erasureMillis
                            + " ms incl. pipeline); heatmap cells "
                            + count("SELECT count(*) FROM heatmap_cells")
                            + ", fewest devices in a cell "
                            + smallestCell
                            + " (k = "
                            + K
                            + ")");

            assertThat(count("SELECT count(*) FROM measurements_raw WHERE id = '" + erasedId + "'"))
                    .as("erased raw row")
                    .isZero();
            assertThat(count("SELECT count(*) FROM measurements_raw")).isEqualTo(posted - 1);
            assertThat(
                            count(
                                    "SELECT coalesce(sum(sample_count), 0)"
                                            + " FROM quality_aggregates WHERE resolution = 'day'"))
                    .as("samples in the daily aggregates")
                    .isEqualTo(posted - 1);
            assertThat(count("SELECT count(*) FROM heatmap_cells"))
                    .as("the busy spot is public")
                    .isPositive();
            assertThat(count("SELECT count(*) FROM heatmap_cells WHERE device_count < " + K))
                    .as("heatmap cells with fewer than k devices")
                    .isZero();

            assertRetention(posted - 1);
        } finally {
            broker.close();
            BadInputFloodTest.join(vertx.close());
        }
    }

    private static void assertRetention(int rows) throws Exception {
        Retention retention =
                new Retention(
                        DB.dataSource(),
                        new Retention.Policy(Duration.ofDays(30), Duration.ofDays(400)));
        assertThat(count("SELECT count(*) FROM measurements_raw" + " WHERE latitude IS NOT NULL"))
                .as("coordinates kept at first")
                .isEqualTo(rows);
        retention.apply(Instant.now().plus(Duration.ofDays(29)));
        assertThat(count("SELECT count(*) FROM measurements_raw" + " WHERE latitude IS NOT NULL"))
                .as("coordinates within 30 days")
                .isEqualTo(rows);
        retention.apply(Instant.now().plus(Duration.ofDays(31)));
        assertThat(
                        count(
                                "SELECT count(*) FROM measurements_raw"
                                        + " WHERE latitude IS NOT NULL OR longitude IS NOT NULL"))
                .as("precise coordinates after 31 days")
                .isZero();
        assertThat(count("SELECT count(*) FROM measurements_raw"))
                .as("rows kept after coordinates are forgotten")
                .isEqualTo(rows);
        retention.apply(Instant.now().plus(Duration.ofDays(401)));
        assertThat(count("SELECT count(*) FROM measurements_raw"))
                .as("raw rows after 401 days")
                .isZero();
    }

    /** Two results from each of {@code devices} addresses at one spot; their receipts. */
    private static List<String> postFromDevices(
            Client client, double lat, double lon, int devices, String prefix) throws Exception {
        List<String> receipts = new ArrayList<>();
        for (int d = 1; d <= devices; d++) {
            for (int r = 0; r < 2; r++) {
                ObjectNode m = Fixtures.measurement(40 + d + r);
                m.put("latitude", lat + d * 0.00001).put("longitude", lon).put("accuracyM", 10.0);
                HttpResponse<String> answer =
                        client.post(m.toString(), Map.of("X-Forwarded-For", prefix + d));
                assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
                JsonNode item = Json.mapper().readTree(answer.body()).path("items").path(0);
                receipts.add(item.path("receipt").asText());
                IDS.put(item.path("receipt").asText(), item.path("id").asText());
            }
        }
        return receipts;
    }

    private static long count(String sql) throws Exception {
        return NoRawIpTest.count(DB.dataSource(), sql);
    }
}
