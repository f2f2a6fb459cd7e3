package vn.speedwatch.console;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import vn.speedwatch.model.Settings;
import vn.speedwatch.reports.ReportsConfig;

/**
 * Everything the officials' console can be told, read once from {@link Settings} ({@code
 * console.*}, {@code reports.*}, {@code areas.file}).
 *
 * @param basePath where the console is mounted, {@code /admin}
 * @param secureCookies mark cookies Secure: true whenever the console is served over TLS
 * @param sessionIdle a session ends after this long without a request
 * @param sessionMax a session ends this long after login whatever happens
 * @param maxFailures failed logins of one user name that lock it
 * @param lockoutWindow how far back failures count, and so how long a lock-out lasts
 * @param grafanaUrl the dashboards' address, linked from every page
 * @param reportsDir where generated reports are written
 * @param minSamples tests a map cell needs before it is coloured
 * @param minDevices distinct devices a map cell needs
 * @param areasFile the TDP boundary file; the bundled synthetic sample when empty
 * @param reports the monthly reports' settings
 */
public record ConsoleConfig(
        String basePath,
        boolean secureCookies,
        Duration sessionIdle,
        Duration sessionMax,
        int maxFailures,
        Duration lockoutWindow,
        String grafanaUrl,
        Path reportsDir,
        int minSamples,
        int minDevices,
        Optional<Path> areasFile,
        ReportsConfig reports) {

    public ConsoleConfig {
        if (!basePath.startsWith("/") || basePath.endsWith("/")) {
            throw new Settings.ConfigException(
                    "console.base-path must start with / and not end with /: " + basePath);
        }
        if (maxFailures < 1) {
            throw new Settings.ConfigException("console.max-failures must be at least 1");
        }
    }

    /** The typed config; throws {@link Settings.ConfigException} naming a bad key. */
    public static ConsoleConfig from(Settings s) {
        return new ConsoleConfig(
                s.string("console.base-path", "/admin"),
                s.bool("console.secure-cookies", false),
                s.duration("console.session-idle", Duration.ofMinutes(30)),
                s.duration("console.session-max", Duration.ofHours(8)),
                s.integer("console.max-failures", 5),
                s.duration("console.lockout-window", Duration.ofMinutes(15)),
                s.string("console.grafana-url", "http://127.0.0.1:3000/"),
                Path.of(s.string("console.reports-dir", "reports-out")),
                s.integer("compare.min-samples", 20),
                s.integer("compare.min-devices", 5),
                s.find("areas.file").map(Path::of),
                ReportsConfig.from(s));
    }

    public static ConsoleConfig defaults() {
        return from(Settings.of(Map.of()));
    }
}
