package vn.speedwatch.reliability;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import vn.speedwatch.collector.config.CollectorConfig;
import vn.speedwatch.collector.protect.ApiKeys;
import vn.speedwatch.collector.testing.SampleMeasurements;
import vn.speedwatch.model.Settings;
import vn.speedwatch.warehouse.testing.PostgresDatabase;

/** Collector settings and valid measurements shared by the reliability tests. */
final class Fixtures {

    /** The Flink MiniCluster of the whole-path tests: one TaskManager, two slots. */
    static MiniClusterExtension miniCluster() {
        return new MiniClusterExtension(
                new MiniClusterResourceConfiguration.Builder()
                        .setNumberTaskManagers(1)
                        .setNumberSlotsPerTaskManager(2)
                        .build());
    }

    static final String TOPIC = "speedwatch.measurements";
    static final ZoneOffset HAI_PHONG = ZoneOffset.ofHours(7);
    static final String PROBE_KEY = "probe-secret-key-07";
    static final String IP_SECRET = "reliability-ip-secret";

    /** The reverse proxy in front of the collector in these tests. */
    static final String PROXY = "127.0.0.1";

    private Fixtures() {}

    /** The settings of a collector on a free port behind a trusted local proxy; overrides win. */
    static Map<String, String> settings(String bootstrap, Map<String, String> overrides) {
        Map<String, String> m = new HashMap<>();
        m.put("http.host", "127.0.0.1");
        m.put("http.port", "0");
        m.put("kafka.bootstrap-servers", bootstrap);
        m.put("kafka.topic", TOPIC);
        m.put("kafka.send-timeout", "3s");
        m.put("collector.rate-per-second", "1000000");
        m.put("collector.burst", "1000000");
        m.put("collector.max-body-bytes", "65536");
        m.put("collector.max-batch", "50");
        m.put("collector.request-timeout", "3s");
        m.put("collector.trusted-proxies", PROXY);
        m.put("collector.api-keys", "probe-07:" + ApiKeys.hashOf(PROBE_KEY));
        m.put("receipt.secret", "reliability-receipt-secret");
        m.put("privacy.ip-hash-secret", IP_SECRET);
        m.putAll(overrides);
        return m;
    }

    static CollectorConfig config(String bootstrap, Map<String, String> overrides) {
        return CollectorConfig.from(Settings.of(settings(bootstrap, overrides)));
    }

    /** The collector's settings with receipts looked up in {@code db}. */
    static CollectorConfig config(String bootstrap, PostgresDatabase db) {
        return config(
                bootstrap,
                Map.of("db.url", db.jdbcUrl(), "db.user", "postgres", "db.password", ""));
    }

    /** A valid fibre measurement made ten minutes ago in TDP-07. */
    static ObjectNode measurement(UUID id, double downloadMbps) {
        return SampleMeasurements.fibre(id, downloadMbps);
    }

    static ObjectNode measurement(double downloadMbps) {
        return measurement(UUID.randomUUID(), downloadMbps);
    }
}
