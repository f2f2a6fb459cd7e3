package vn.speedwatch.reports;

import java.time.ZoneId;
import vn.speedwatch.model.Settings;

/**
 * Settings of the monthly reports, read once from {@link Settings}.
 *
 * <p>Only a sample-count minimum applies per cell: distinct devices cannot be merged from day rows
 * (a device seen on two days would count twice), so a device minimum would be a guess.
 *
 * @param minSamples tests a TDP × access type cell needs before its numbers are shown
 * @param trendMonths months in the trend chart, the report month included (6–24)
 * @param worstCount how many worst TDPs the map section names
 * @param zone time zone of the day buckets and of the letter's date
 */
public record ReportsConfig(int minSamples, int trendMonths, int worstCount, ZoneId zone) {

    public static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    public ReportsConfig {
        if (minSamples < 1) {
            throw new Settings.ConfigException("reports.min-samples must be at least 1");
        }
        if (trendMonths < 2 || trendMonths > 24) {
            throw new Settings.ConfigException("reports.trend-months must be between 2 and 24");
        }
        if (worstCount < 1) {
            throw new Settings.ConfigException("reports.worst-count must be at least 1");
        }
    }

    /**
     * Keys {@code reports.min-samples} (20), {@code reports.trend-months} (12), {@code
     * reports.worst-count} (5), {@code reports.zone} (Asia/Ho_Chi_Minh).
     */
    public static ReportsConfig from(Settings s) {
        return new ReportsConfig(
                s.integer("reports.min-samples", 20),
                s.integer("reports.trend-months", 12),
                s.integer("reports.worst-count", 5),
                ZoneId.of(s.string("reports.zone", VIETNAM.getId())));
    }

    public static ReportsConfig defaults() {
        return from(Settings.of(java.util.Map.of()));
    }
}
