package vn.speedwatch.collector.speedtest;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import vn.speedwatch.model.Settings;

/**
 * Limits of the in-browser speed test and of the receipt comparison, read once from {@link
 * Settings} ({@code speedtest.*}, {@code compare.*} and {@code areas.file}).
 *
 * @param maxDownloadBytes the most one download request may ask for
 * @param maxUploadBytes the most one upload request may send before it is cut off
 * @param ratePerSecond speed-test requests per second and client (a test makes a few dozen)
 * @param burst requests a client may make at once
 * @param minSamples tests a TDP × operator × access cell needs before its median is shown
 * @param minDevices distinct devices that cell needs
 * @param window how far back the comparison median looks
 * @param areasFile the TDP boundary file; the bundled synthetic sample when empty
 */
public record SpeedTestConfig(
        long maxDownloadBytes,
        long maxUploadBytes,
        double ratePerSecond,
        int burst,
        int minSamples,
        int minDevices,
        Duration window,
        Optional<Path> areasFile) {

    public SpeedTestConfig {
        if (maxDownloadBytes < 1 || maxUploadBytes < 1) {
            throw new Settings.ConfigException("speedtest.max-*-bytes must be at least 1");
        }
        if (ratePerSecond <= 0 || burst < 1) {
            throw new Settings.ConfigException(
                    "speedtest.rate-per-second must be positive and speedtest.burst at least 1");
        }
    }

    /** The typed config; throws {@link Settings.ConfigException} naming a bad key. */
    public static SpeedTestConfig from(Settings s) {
        return new SpeedTestConfig(
                s.longValue("speedtest.max-download-bytes", 200L * 1024 * 1024),
                s.longValue("speedtest.max-upload-bytes", 100L * 1024 * 1024),
                s.decimal("speedtest.rate-per-second", 50),
                s.integer("speedtest.burst", 200),
                s.integer("compare.min-samples", 20),
                s.integer("compare.min-devices", 5),
                s.duration("compare.window", Duration.ofDays(30)),
                s.find("areas.file").map(Path::of));
    }

    public static SpeedTestConfig defaults() {
        return from(Settings.of(Map.of()));
    }
}
