package vn.speedwatch.probe;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import vn.speedwatch.model.Operator;
import vn.speedwatch.model.Settings;

/**
 * The cultural-house probe's settings ({@code probe.*}): where the collector is, the probe's API
 * key, the fixed TDP and operator of the house's line, the spool folder and the schedule.
 *
 * @param collectorUrl base address of the collector, e.g. {@code https://speedwatch.example.vn}
 * @param speedTestUrl base address of the speed-test endpoints; the collector's by default
 * @param apiKey the key sent as {@code X-Api-Key}; never logged
 * @param tdpCode the TDP the cultural house is in
 * @param operator the operator of the house's Wi-Fi line (a code such as {@code VNPT})
 * @param spoolDir one JSON file per result not yet accepted by the collector
 * @param interval time between two tests
 * @param duration length of each direction of a test
 * @param streams parallel connections per direction
 */
public record ProbeConfig(
        URI collectorUrl,
        URI speedTestUrl,
        String apiKey,
        String tdpCode,
        Operator operator,
        Path spoolDir,
        Duration interval,
        Duration duration,
        int streams) {

    public ProbeConfig {
        if (streams < 1 || streams > 16) {
            throw new Settings.ConfigException("probe.streams must be between 1 and 16");
        }
        if (duration.isNegative() || duration.isZero()) {
            throw new Settings.ConfigException("probe.duration must be positive");
        }
    }

    /** Reads the settings; {@code probe.api-key} and {@code probe.tdp} are required. */
    public static ProbeConfig from(Settings s) {
        URI collector =
                URI.create(trimSlash(s.string("probe.collector-url", "http://127.0.0.1:8080")));
        return new ProbeConfig(
                collector,
                s.find("probe.speedtest-url").map(u -> URI.create(trimSlash(u))).orElse(collector),
                s.required("probe.api-key"),
                s.required("probe.tdp"),
                Operator.valueOf(s.string("probe.operator", "VNPT").toUpperCase(Locale.ROOT)),
                Path.of(s.string("probe.spool-dir", "probe-spool")),
                s.duration("probe.interval", Duration.ofHours(1)),
                s.duration("probe.duration", Duration.ofSeconds(10)),
                s.integer("probe.streams", 4));
    }

    @Override
    public String toString() {
        return "ProbeConfig[collector="
                + collectorUrl
                + ", speedTest="
                + speedTestUrl
                + ", tdp="
                + tdpCode
                + ", operator="
                + operator
                + ", spool="
                + spoolDir
                + ", every "
                + interval
                + "]"; // no API key: it is a secret
    }

    private static String trimSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
