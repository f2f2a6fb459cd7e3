package vn.speedwatch.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import vn.speedwatch.model.Measurement;
import vn.speedwatch.warehouse.testing.PostgresDatabase;

/**
 * The one-machine runtime end to end: in-process Kafka, the Flink job in a MiniCluster and the
 * collector on free ports, against a fresh database on the machine's PostgreSQL. Residents post
 * through HTTP; their tests must appear in the raw table and the aggregates, and survive a
 * stop-and-start on the same data directory without being lost or counted twice.
 */
class SpeedwatchRuntimeTest {

    @RegisterExtension static PostgresDatabase db = new PostgresDatabase();

    @TempDir Path dataDir;

    private final Random random = new Random(7);
    private int nextDevice;

    @Test
    void keepsEveryTestExactlyOnceAcrossARestart() throws Exception {
        List<UUID> posted = new ArrayList<>();
        try (SpeedwatchRuntime runtime = SpeedwatchRuntime.start(config())) {
            assertThat(Resident.get(runtime.urls().health())).isEqualTo(200);
            assertThat(Resident.get(runtime.urls().residentPage())).isEqualTo(200);
            assertThat(Resident.get(runtime.urls().console() + "/login")).isEqualTo(200);
            assertThat(Resident.get(runtime.urls().console() + "/map"))
                    .as("the console without a session sends officials to the login page")
                    .isEqualTo(303);
            List<Long> freshness = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                posted.addAll(postTests(runtime, 1));
                long accepted = System.nanoTime();
                awaitCounts(posted);
                freshness.add((System.nanoTime() - accepted) / 1_000_000);
            }
            long p95 = freshness.stream().sorted().toList().get(freshness.size() * 95 / 100);
            System.out.printf("Freshness 202 -> aggregate row, ms: %s (p95 %d)%n", freshness, p95);
            assertThat(p95).as("p95 of 202 → aggregate visible, ms").isLessThanOrEqualTo(5_000);
        }
        assertThat(CheckpointLocator.latest(dataDir.resolve("flink")))
                .as("the stop left a savepoint or checkpoint to resume from")
                .isPresent();

        try (SpeedwatchRuntime again = SpeedwatchRuntime.start(config())) {
            posted.addAll(postTests(again, 8));
            awaitCounts(posted);
            // A replay after the restart would show up late: give it time, then count again.
            Thread.sleep(4_000);
            assertThat(rawRows(posted)).isEqualTo(posted.size());
            assertThat(aggregatedSamples("hour")).isEqualTo(posted.size());
            assertThat(aggregatedSamples("day")).isEqualTo(posted.size());
        }
    }

    private LauncherConfig config() {
        Map<String, String> s = new HashMap<>();
        s.put("data.dir", dataDir.toString());
        s.put("http.host", "127.0.0.1");
        s.put("http.port", "0");
        s.put("kafka.port", "0");
        s.put("collector.trusted-proxies", "127.0.0.1");
        s.put("pipeline.parallelism", "1");
        s.put("pipeline.checkpoint-interval", "2s");
        s.put("pipeline.early-fire", "1s");
        return LauncherConfig.from(db.settings().with(s));
    }

    private List<UUID> postTests(SpeedwatchRuntime runtime, int count) throws Exception {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Measurement m = Resident.fibreTest(random);
            String device = "198.18.0." + (++nextDevice);
            assertThat(Resident.post(runtime.urls().api(), m, device)).isEqualTo(202);
            ids.add(m.id());
        }
        return ids;
    }

    private void awaitCounts(List<UUID> posted) {
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(100))
                .untilAsserted(
                        () -> {
                            assertThat(rawRows(posted)).isEqualTo(posted.size());
                            assertThat(aggregatedSamples("hour")).isEqualTo(posted.size());
                        });
    }

    private long rawRows(List<UUID> ids) throws SQLException {
        try (Connection c = db.dataSource().getConnection();
                PreparedStatement ps =
                        c.prepareStatement(
                                "SELECT count(*) FROM measurements_raw WHERE id = ANY (?)")) {
            ps.setArray(1, c.createArrayOf("uuid", ids.toArray()));
            return single(ps);
        }
    }

    private long aggregatedSamples(String resolution) throws SQLException {
        try (Connection c = db.dataSource().getConnection();
                PreparedStatement ps =
                        c.prepareStatement(
                                "SELECT coalesce(sum(sample_count), 0)"
                                        + " FROM quality_aggregates WHERE resolution = ? AND tdp_code = ?"
                                        + " AND operator = 'VIETTEL' AND access_type = 'FIXED_FIBER'")) {
            ps.setString(1, resolution);
            ps.setString(2, Resident.TDP);
            return single(ps);
        }
    }

    private static long single(PreparedStatement ps) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
