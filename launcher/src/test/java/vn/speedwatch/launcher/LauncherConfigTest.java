package vn.speedwatch.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import vn.speedwatch.model.Settings;

/** The launcher reads the same keys as docker-compose, with one-machine defaults. */
class LauncherConfigTest {

    @Test
    void defaultsToEverythingEmbeddedInDotData() {
        LauncherConfig c = LauncherConfig.from(Settings.of(Map.of()));
        assertThat(c.dataDir()).isEqualTo(Path.of("data").toAbsolutePath());
        assertThat(c.httpPort()).isEqualTo(8080);
        assertThat(c.dbUrl()).isEmpty();
        assertThat(c.kafkaBootstrapServers()).isEmpty();
        assertThat(c.settings().find("pipeline.early-fire")).contains("1s");
    }

    @Test
    void readsTheComposeEnvironmentVariables() {
        Settings env =
                Settings.load(
                        null,
                        Map.of(
                                "SPEEDWATCH_DB_URL", "jdbc:postgresql://db:5432/speedwatch",
                                "SPEEDWATCH_KAFKA_BOOTSTRAP_SERVERS", "kafka:9092",
                                "SPEEDWATCH_HTTP_PORT", "9000",
                                "SPEEDWATCH_PIPELINE_EARLY_FIRE", "5s"),
                        new Properties());
        LauncherConfig c = LauncherConfig.from(env);
        assertThat(c.dbUrl()).contains("jdbc:postgresql://db:5432/speedwatch");
        assertThat(c.kafkaBootstrapServers()).contains("kafka:9092");
        assertThat(c.httpPort()).isEqualTo(9000);
        assertThat(c.settings().find("pipeline.early-fire")).as("configured wins").contains("5s");
    }

    @Test
    void handsTheComponentsTheEndpointsItStarted() {
        LauncherConfig c = LauncherConfig.from(Settings.of(Map.of("data.dir", "/srv/sw")));
        Settings s =
                c.componentSettings(
                        "jdbc:postgresql://127.0.0.1:5555/speedwatch",
                        "postgres",
                        "",
                        "127.0.0.1:9999");
        assertThat(s.find("db.url")).contains("jdbc:postgresql://127.0.0.1:5555/speedwatch");
        assertThat(s.find("kafka.bootstrap-servers")).contains("127.0.0.1:9999");
        assertThat(s.find("pipeline.checkpoint-dir")).contains("file:///srv/sw/flink/checkpoints");
    }

    @Test
    void refusesAnImpossiblePort() {
        assertThatThrownBy(() -> LauncherConfig.from(Settings.of(Map.of("http.port", "70000"))))
                .isInstanceOf(Settings.ConfigException.class)
                .hasMessageContaining("http.port");
    }

    @Test
    void keepsThePasswordOutOfItsDescription() {
        LauncherConfig c = LauncherConfig.from(Settings.of(Map.of("db.password", "s3cret")));
        assertThat(c.toString()).doesNotContain("s3cret");
    }
}
