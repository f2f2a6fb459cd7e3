package vn.speedwatch.collector.config;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.speedwatch.collector.speedtest.SpeedTestConfig;
import vn.speedwatch.model.Settings;

/**
 * Everything the collector can be told: listen address, Kafka, limits, secrets and the optional
 * warehouse. Built once from {@link Settings} (defaults, file, {@code SPEEDWATCH_*} environment).
 *
 * <p>{@code collector.metrics-token}, when set, is the bearer token {@code /metrics} asks for;
 * unset, the metrics are public on the collector's port (for a Prometheus on a private network).
 *
 * <p>{@code http.tls.keystore} (a PKCS#12 file) and {@code http.tls.keystore-password} turn on
 * HTTPS; see {@link TlsConfig}.
 *
 * <p>Secrets are required when {@code collector.production} is true; in development a random one is
 * generated with a warning, so receipts and client hashes do not survive a restart.
 */
public record CollectorConfig(
        String httpHost,
        int httpPort,
        int httpInstances,
        String kafkaBootstrapServers,
        String kafkaTopic,
        Duration kafkaSendTimeout,
        long maxBodyBytes,
        int maxBatch,
        double ratePerSecond,
        int burst,
        double apiKeyRatePerSecond,
        int apiKeyBurst,
        Duration requestTimeout,
        List<String> apiKeys,
        List<String> trustedProxies,
        List<String> corsOrigins,
        byte[] receiptSecret,
        byte[] ipHashSecret,
        Optional<byte[]> previousIpHashSecret,
        Optional<String> dbUrl,
        Optional<String> dbUser,
        Optional<String> dbPassword,
        SpeedTestConfig speedTest,
        Optional<String> metricsToken,
        Optional<TlsConfig> tls) {

    private static final Logger LOG = LoggerFactory.getLogger(CollectorConfig.class);

    /** The typed config for these settings; throws {@link Settings.ConfigException} if invalid. */
    public static CollectorConfig from(Settings s) {
        boolean production = s.bool("collector.production", false);
        return new CollectorConfig(
                s.string("http.host", "0.0.0.0"),
                s.port("http.port", 8080),
                instances(s),
                s.string("kafka.bootstrap-servers", "127.0.0.1:9092"),
                s.string("kafka.topic", "speedwatch.measurements"),
                s.duration("kafka.send-timeout", Duration.ofSeconds(5)),
                s.longValue("collector.max-body-bytes", 1024 * 1024),
                s.integer("collector.max-batch", 1000),
                s.decimal("collector.rate-per-second", 5),
                s.integer("collector.burst", 20),
                s.decimal("collector.api-key-rate-per-second", 200),
                s.integer("collector.api-key-burst", 2000),
                s.duration("collector.request-timeout", Duration.ofSeconds(30)),
                list(s, "collector.api-keys"),
                list(s, "collector.trusted-proxies"),
                list(s, "collector.cors-origins"),
                secret(s, "receipt.secret", production),
                secret(s, "privacy.ip-hash-secret", production),
                s.find("privacy.ip-hash-secret-previous").map(CollectorConfig::bytes),
                s.find("db.url"),
                s.find("db.user"),
                s.find("db.password"),
                SpeedTestConfig.from(s),
                s.find("collector.metrics-token").filter(t -> !t.isBlank()),
                TlsConfig.from(s));
    }

    /** These settings with another HTTP port and Kafka address, for tests and the launcher. */
    public CollectorConfig withEndpoints(int port, String bootstrapServers) {
        return new CollectorConfig(
                httpHost,
                port,
                httpInstances,
                bootstrapServers,
                kafkaTopic,
                kafkaSendTimeout,
                maxBodyBytes,
                maxBatch,
                ratePerSecond,
                burst,
                apiKeyRatePerSecond,
                apiKeyBurst,
                requestTimeout,
                apiKeys,
                trustedProxies,
                corsOrigins,
                receiptSecret,
                ipHashSecret,
                previousIpHashSecret,
                dbUrl,
                dbUser,
                dbPassword,
                speedTest,
                metricsToken,
                tls);
    }

    @Override
    public String toString() {
        // Secrets stay out of logs: only say whether they are set.
        return "CollectorConfig[http="
                + httpHost
                + ":"
                + httpPort
                + " on "
                + httpInstances
                + " event loop(s), kafka="
                + kafkaBootstrapServers
                + ", topic="
                + kafkaTopic
                + ", sendTimeout="
                + kafkaSendTimeout
                + ", maxBodyBytes="
                + maxBodyBytes
                + ", maxBatch="
                + maxBatch
                + ", rate="
                + ratePerSecond
                + "/s burst "
                + burst
                + ", apiKeys="
                + apiKeys.size()
                + ", trustedProxies="
                + trustedProxies
                + ", cors="
                + corsOrigins
                + ", db="
                + dbUrl.isPresent()
                + ", metricsToken="
                + metricsToken.isPresent()
                + ", "
                + tls.map(TlsConfig::toString).orElse("plain HTTP")
                + "]";
    }

    /**
     * {@code http.instances}: how many event loops serve HTTP, each with its own copy of the
     * verticle on the shared port. One loop caps the collector at one core's worth of parsing and
     * validation, so the default is one per available processor.
     */
    private static int instances(Settings s) {
        return s.integer("http.instances", Runtime.getRuntime().availableProcessors(), 1, 256);
    }

    private static List<String> list(Settings s, String key) {
        return s.find(key).stream()
                .flatMap(v -> Arrays.stream(v.split(",")))
                .map(String::trim)
                .filter(v -> !v.isEmpty())
                .toList();
    }

    private static byte[] secret(Settings s, String key, boolean production) {
        Optional<String> value = s.find(key);
        if (value.isPresent()) {
            return bytes(value.get());
        }
        if (production) {
            s.required(key); // throws the error that names the key and its variable
        }
        LOG.warn(
                "Setting {} ({}) is not set: using a random secret for this run only (dev mode)",
                key,
                Settings.keyToEnv(key));
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        return HexFormat.of().formatHex(random).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String value) {
        return value.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
}
