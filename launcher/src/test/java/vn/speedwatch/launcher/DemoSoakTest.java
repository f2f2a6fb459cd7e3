package vn.speedwatch.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import vn.speedwatch.model.AreaRegistry;
import vn.speedwatch.warehouse.testing.PostgresDatabase;

/**
 * The demo's month through the whole runtime (a fifth of the full size): every accepted test is
 * stored and aggregated, and the degraded VNPT fibre cells raise alerts. Several minutes on two
 * cores, so it runs with {@code -Psoak}.
 */
@Tag("soak")
class DemoSoakTest {

    @RegisterExtension static PostgresDatabase db = new PostgresDatabase();

    @TempDir Path dataDir;

    @Test
    void storesAggregatesAndAlertsOnTheDemoMonth() throws Exception {
        Map<String, String> s = new HashMap<>();
        s.put("data.dir", dataDir.toString());
        s.put("http.host", "127.0.0.1");
        s.put("http.port", "0");
        s.put("kafka.port", "0");
        s.put("collector.trusted-proxies", "127.0.0.1");
        // A fifth of the devices: let alerts judge cells with a fifth of the samples too.
        s.put("alerts.min-samples", "5");
        DemoMeasurements demo = new DemoMeasurements(AreaRegistry.loadSample(), 11, 0.2);
        Instant now = Instant.now();
        List<DemoSample> month = demo.history(now.minus(Duration.ofDays(29)), now);
        try (SpeedwatchRuntime runtime =
                        SpeedwatchRuntime.start(LauncherConfig.from(db.settings().with(s)));
                DemoLoad load = new DemoLoad(URI.create(runtime.urls().api()), System.out)) {
            long accepted = load.postAll(month);
            assertThat(accepted).isEqualTo(month.size());
            await().atMost(Duration.ofMinutes(3))
                    .untilAsserted(
                            () -> {
                                assertThat(count("SELECT count(*) FROM measurements_raw"))
                                        .isEqualTo(accepted);
                                assertThat(
                                                count(
                                                        "SELECT sum(sample_count) FROM quality_aggregates"
                                                                + " WHERE resolution = 'day'"))
                                        .isEqualTo(accepted);
                                assertThat(
                                                count(
                                                        "SELECT count(DISTINCT tdp_code) FROM alerts"
                                                                + " WHERE operator = 'VNPT' AND access_type = 'FIXED_FIBER'"))
                                        .isPositive();
                            });
        }
    }

    private static long count(String sql) throws SQLException {
        try (Connection c = db.dataSource().getConnection();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
