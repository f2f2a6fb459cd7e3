package vn.speedwatch.launcher;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.speedwatch.model.Settings;

/**
 * What the one-machine launcher needs to start everything in one JVM: where its state lives, the
 * HTTP port, and whether PostgreSQL and Kafka are external or embedded. Built from {@link Settings}
 * (the same keys as docker-compose's {@code SPEEDWATCH_*} environment) with command-line flags on
 * top. The merged settings are kept so the collector and pipeline read their own keys.
 *
 * @param dbUrl an external PostgreSQL; empty means the embedded one in {@code dataDir/pg}
 * @param kafkaBootstrapServers an external Kafka; empty means the in-process broker
 * @param kafkaPort the in-process broker's port, 0 for any free port
 */
public record LauncherConfig(
        Path dataDir,
        String httpHost,
        int httpPort,
        Optional<String> dbUrl,
        String dbUser,
        String dbPassword,
        Optional<String> kafkaBootstrapServers,
        int kafkaPort,
        String kafkaTopic,
        int kafkaPartitions,
        Duration stopTimeout,
        Settings settings) {

    /** The keys this record reads; the docker-compose test checks env names against these. */
    public static final List<String> KEYS =
            List.of(
                    "data.dir",
                    "http.host",
                    "http.port",
                    "db.url",
                    "db.user",
                    "db.password",
                    "kafka.bootstrap-servers",
                    "kafka.port",
                    "kafka.topic",
                    "kafka.partitions",
                    "launcher.stop-timeout");

    /**
     * One-machine defaults for pipeline keys, applied only when not configured: aggregates are
     * refreshed every second so a resident sees the result on the dashboard within seconds. A test
     * waits for its cell's next early firing (up to one period) and then for the aggregate sink's
     * age flush (up to 1 s): with 2 s, freshness saw-toothed between about 0.5 and 3.5 s at 50 %
     * and 90 % of the sustained rate alike, p95 3.2-3.8 s; with 1 s, p95 2.2-2.6 s (issue #11). A
     * firing upserts one row per changed cell, a few dozen per second here, nothing beside the raw
     * rows.
     */
    static final Map<String, String> ONE_MACHINE_DEFAULTS =
            Map.of(
                    "pipeline.early-fire", "1s",
                    "pipeline.checkpoint-interval", "10s",
                    "db.pool-size", "4");

    public LauncherConfig {
        if (httpPort < 0 || httpPort > 65_535) {
            throw new Settings.ConfigException("http.port must be between 0 and 65535");
        }
        if (kafkaPartitions < 1) {
            throw new Settings.ConfigException("kafka.partitions must be at least 1");
        }
    }

    /** The config for these settings; throws {@link Settings.ConfigException} when invalid. */
    public static LauncherConfig from(Settings given) {
        Settings s = withDefaults(given);
        return new LauncherConfig(
                Path.of(s.string("data.dir", "data")).toAbsolutePath().normalize(),
                s.string("http.host", "0.0.0.0"),
                s.integer("http.port", 8080),
                s.find("db.url"),
                s.string("db.user", "postgres"),
                s.string("db.password", ""),
                s.find("kafka.bootstrap-servers"),
                s.integer("kafka.port", 9092),
                s.string("kafka.topic", "speedwatch.measurements"),
                s.integer("kafka.partitions", 2),
                s.duration("launcher.stop-timeout", Duration.ofSeconds(30)),
                s);
    }

    /** Where the embedded PostgreSQL keeps its files. */
    public Path pgDir() {
        return dataDir.resolve("pg");
    }

    /** Where the in-process broker keeps its logs. */
    public Path kafkaDir() {
        return dataDir.resolve("kafka");
    }

    /** Where Flink keeps checkpoints and savepoints. */
    public Path flinkDir() {
        return dataDir.resolve("flink");
    }

    /**
     * The settings the collector and pipeline read, with the endpoints this launcher chose (the
     * database it started, the broker it started) filled in.
     */
    public Settings componentSettings(
            String jdbcUrl, String user, String password, String bootstrapServers) {
        Map<String, String> endpoints = new HashMap<>();
        endpoints.put("db.url", jdbcUrl);
        endpoints.put("db.user", user);
        endpoints.put("db.password", password);
        endpoints.put("kafka.bootstrap-servers", bootstrapServers);
        endpoints.put("kafka.topic", kafkaTopic);
        endpoints.put("http.host", httpHost);
        endpoints.put("http.port", Integer.toString(httpPort));
        endpoints.put(
                "pipeline.checkpoint-dir", flinkDir().resolve("checkpoints").toUri().toString());
        return settings.with(endpoints);
    }

    @Override
    public String toString() {
        // The password and secrets in settings stay out of logs.
        return "LauncherConfig[dataDir="
                + dataDir
                + ", http="
                + httpHost
                + ":"
                + httpPort
                + ", db="
                + dbUrl.orElse("embedded")
                + ", kafka="
                + kafkaBootstrapServers.orElse("embedded:" + kafkaPort)
                + ", topic="
                + kafkaTopic
                + "]";
    }

    private static Settings withDefaults(Settings given) {
        Map<String, String> missing = new HashMap<>();
        ONE_MACHINE_DEFAULTS.forEach(
                (k, v) -> {
                    if (given.find(k).isEmpty()) {
                        missing.put(k, v);
                    }
                });
        return given.with(missing);
    }
}
