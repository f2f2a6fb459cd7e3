package vn.speedwatch.jobs.config;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import vn.speedwatch.model.Settings;
import vn.speedwatch.model.ValidationLimits;
import vn.speedwatch.warehouse.WarehouseConfig;

/**
 * Every setting of the quality pipeline, typed, built once from {@link Settings} (defaults, file,
 * {@code SPEEDWATCH_*} environment). Operators receive the plain values they need, never this
 * record, so it need not be serializable.
 *
 * @param areasFile GeoJSON of the TDP boundaries; empty means the registry's bundled sample
 * @param checkpointDir where checkpoints go; empty means the environment's default (in memory)
 * @param alertsWebhookUrl where alert notifications are posted; empty means no webhook
 */
public record PipelineConfig(
        String kafkaBootstrapServers,
        String kafkaTopic,
        String kafkaGroupId,
        WarehouseConfig warehouse,
        Optional<String> areasFile,
        int parallelism,
        Duration checkpointInterval,
        Optional<String> checkpointDir,
        Duration outOfOrderness,
        Duration idleness,
        Duration dedupeTtl,
        Duration allowedLateness,
        Duration earlyFire,
        int deviceCap,
        Duration keepCoordinates,
        int heatmapMinDevices,
        int alertsMinSamples,
        double alertsMedianDrop,
        double alertsBelowQcvnShare,
        Optional<String> alertsWebhookUrl,
        Duration validationFutureSkew,
        Duration validationHorizon) {

    public static final String DEFAULT_TOPIC = "speedwatch.measurements";

    /** The validation limits, with the system clock (the parse stage reads them per event). */
    public ValidationLimits validationLimits() {
        return new ValidationLimits(validationFutureSkew, validationHorizon, Clock.systemUTC());
    }

    /** This configuration with other settings on top, e.g. a test's database and parallelism. */
    public static PipelineConfig from(Settings base, Map<String, String> overrides) {
        return from(base.with(overrides));
    }

    public PipelineConfig {
        requirePositive("pipeline.parallelism", parallelism);
        requirePositive("pipeline.device-cap", deviceCap);
        requirePositive("heatmap.min-devices", heatmapMinDevices);
        requirePositive("alerts.min-samples", alertsMinSamples);
        requirePositive("pipeline.checkpoint-interval", checkpointInterval);
        requirePositive("pipeline.dedupe-ttl", dedupeTtl);
        requirePositive("pipeline.early-fire", earlyFire);
        requirePositive("privacy.keep-coordinates", keepCoordinates);
        if (outOfOrderness.isNegative() || allowedLateness.isNegative() || idleness.isNegative()) {
            throw new Settings.ConfigException(
                    "pipeline.out-of-orderness, pipeline.idleness and pipeline.allowed-lateness"
                            + " must not be negative");
        }
        requireShare("alerts.median-drop", alertsMedianDrop);
        requireShare("alerts.below-qcvn-share", alertsBelowQcvnShare);
    }

    /** The configuration for the given settings, with the documented defaults. */
    public static PipelineConfig from(Settings s) {
        return new PipelineConfig(
                s.string("kafka.bootstrap-servers", "127.0.0.1:9092"),
                s.string("kafka.topic", DEFAULT_TOPIC),
                s.string("kafka.group-id", "speedwatch-quality"),
                WarehouseConfig.from(s),
                s.find("areas.file"),
                s.integer("pipeline.parallelism", 2),
                s.duration("pipeline.checkpoint-interval", Duration.ofSeconds(10)),
                s.find("pipeline.checkpoint-dir"),
                s.duration("pipeline.out-of-orderness", Duration.ofMinutes(1)),
                s.duration("pipeline.idleness", Duration.ofSeconds(30)),
                s.duration("pipeline.dedupe-ttl", Duration.ofDays(7)),
                s.duration("pipeline.allowed-lateness", Duration.ofDays(7)),
                s.duration("pipeline.early-fire", Duration.ofSeconds(10)),
                s.integer("pipeline.device-cap", 10),
                s.duration("privacy.keep-coordinates", Duration.ofDays(30)),
                s.integer("heatmap.min-devices", 5),
                s.integer("alerts.min-samples", 20),
                s.decimal("alerts.median-drop", 0.30),
                s.decimal("alerts.below-qcvn-share", 0.5),
                s.find("alerts.webhook-url"),
                s.duration("validation.future-skew", ValidationLimits.DEFAULT_FUTURE_SKEW),
                s.duration("validation.horizon", ValidationLimits.DEFAULT_HORIZON));
    }

    private static void requirePositive(String key, long value) {
        if (value < 1) {
            throw new Settings.ConfigException(
                    "setting '" + key + "' (" + Settings.keyToEnv(key) + ") must be positive");
        }
    }

    private static void requirePositive(String key, Duration value) {
        if (value.isNegative() || value.isZero()) {
            throw new Settings.ConfigException(
                    "setting '" + key + "' (" + Settings.keyToEnv(key) + ") must be positive");
        }
    }

    private static void requireShare(String key, double value) {
        if (!(value > 0 && value < 1)) {
            throw new Settings.ConfigException(
                    "setting '" + key + "' (" + Settings.keyToEnv(key) + ") must be in (0, 1)");
        }
    }
}
