package vn.speedwatch.collector.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import vn.speedwatch.model.Settings;

class CollectorConfigTest {

    @Test
    void defaultsMatchTheIssue() {
        CollectorConfig c = CollectorConfig.from(Settings.of(Map.of()));

        assertThat(c.httpPort()).isEqualTo(8080);
        assertThat(c.httpInstances()).isEqualTo(Runtime.getRuntime().availableProcessors());
        assertThat(c.kafkaTopic()).isEqualTo("speedwatch.measurements");
        assertThat(c.kafkaSendTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(c.maxBodyBytes()).isEqualTo(1024 * 1024);
        assertThat(c.maxBatch()).isEqualTo(1000);
        assertThat(c.dbUrl()).isEmpty();
        assertThat(c.receiptSecret()).hasSizeGreaterThanOrEqualTo(32);
    }

    @Test
    void environmentVariablesOverrideAndListsAreSplit() {
        Settings s =
                Settings.load(
                        null,
                        Map.of(
                                "SPEEDWATCH_HTTP_PORT", "9090",
                                "SPEEDWATCH_KAFKA_SEND_TIMEOUT", "1500ms",
                                "SPEEDWATCH_COLLECTOR_CORS_ORIGINS",
                                        "https://a.example, https://b.example",
                                "SPEEDWATCH_RECEIPT_SECRET", "from-env"),
                        new Properties());
        CollectorConfig c = CollectorConfig.from(s);

        assertThat(c.httpPort()).isEqualTo(9090);
        assertThat(c.kafkaSendTimeout()).isEqualTo(Duration.ofMillis(1500));
        assertThat(c.corsOrigins()).containsExactly("https://a.example", "https://b.example");
        assertThat(new String(c.receiptSecret())).isEqualTo("from-env");
        assertThat(c.toString()).doesNotContain("from-env");
    }

    @Test
    void productionRefusesToStartWithoutItsSecrets() {
        Settings s =
                Settings.of(
                        Map.of("collector.production", "true", "privacy.ip-hash-secret", "set"));

        assertThatThrownBy(() -> CollectorConfig.from(s))
                .isInstanceOf(Settings.ConfigException.class)
                .hasMessageContaining("receipt.secret")
                .hasMessageContaining("SPEEDWATCH_RECEIPT_SECRET");
    }

    @Test
    void portOutsideTheTcpRangeIsAConfigErrorNamingTheKey() {
        assertThatThrownBy(() -> CollectorConfig.from(Settings.of(Map.of("http.port", "70000"))))
                .isInstanceOf(Settings.ConfigException.class)
                .hasMessageContaining("'http.port'")
                .hasMessageContaining("SPEEDWATCH_HTTP_PORT");
    }

    @Test
    void eventLoopCountBelowOneIsAConfigErrorNamingTheKey() {
        assertThat(CollectorConfig.from(Settings.of(Map.of("http.instances", "3"))).httpInstances())
                .isEqualTo(3);
        assertThatThrownBy(() -> CollectorConfig.from(Settings.of(Map.of("http.instances", "0"))))
                .isInstanceOf(Settings.ConfigException.class)
                .hasMessageContaining("'http.instances'")
                .hasMessageContaining("SPEEDWATCH_HTTP_INSTANCES")
                .hasMessageContaining("1-256");
    }
}
