package vn.speedwatch.collector;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import vn.speedwatch.collector.config.CollectorConfig;
import vn.speedwatch.collector.testing.SampleMeasurements;
import vn.speedwatch.model.Settings;

/** Test data and configs that read like the situation they describe. */
final class Fixtures {

    static final String TOPIC = "speedwatch.measurements";
    static final ZoneOffset HAI_PHONG = ZoneOffset.ofHours(7);
    static final String PROBE_KEY = "probe-secret-key-07";

    private Fixtures() {}

    /** A config for a collector on a free port against {@code bootstrap}; overrides win. */
    static CollectorConfig config(String bootstrap, Map<String, String> overrides) {
        Map<String, String> m = new HashMap<>();
        m.put("http.host", "127.0.0.1");
        m.put("http.port", "0");
        m.put("kafka.bootstrap-servers", bootstrap);
        m.put("kafka.send-timeout", "3s");
        m.put("collector.rate-per-second", "1000");
        m.put("collector.burst", "1000");
        m.put("collector.max-body-bytes", "65536");
        m.put("collector.max-batch", "50");
        m.put(
                "collector.api-keys",
                "probe-07:" + vn.speedwatch.collector.protect.ApiKeys.hashOf(PROBE_KEY));
        m.put("receipt.secret", "test-receipt-secret");
        m.put("privacy.ip-hash-secret", "test-ip-secret");
        m.putAll(overrides);
        return CollectorConfig.from(Settings.of(m));
    }

    /** A valid fibre measurement made ten minutes ago in TDP-07. */
    static ObjectNode measurement(UUID id, double downloadMbps) {
        return SampleMeasurements.fibre(id, downloadMbps);
    }

    static ObjectNode measurement(double downloadMbps) {
        return measurement(UUID.randomUUID(), downloadMbps);
    }
}
