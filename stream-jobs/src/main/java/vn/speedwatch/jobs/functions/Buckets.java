package vn.speedwatch.jobs.functions;

import java.time.Duration;

/**
 * Hour and day buckets aligned to Asia/Ho_Chi_Minh (UTC+7 all year, no daylight saving): a day
 * bucket starts at 17:00 UTC of the previous calendar day.
 */
public final class Buckets {

    public static final String HOUR = "hour";
    public static final String DAY = "day";
    public static final Duration LOCAL_OFFSET = Duration.ofHours(7);
    public static final long HOUR_MILLIS = Duration.ofHours(1).toMillis();
    public static final long DAY_MILLIS = Duration.ofDays(1).toMillis();

    private Buckets() {}

    public static long sizeMillis(String resolution) {
        return HOUR.equals(resolution) ? HOUR_MILLIS : DAY_MILLIS;
    }

    /** The start of the bucket holding {@code millis}. */
    public static long start(String resolution, long millis) {
        long size = sizeMillis(resolution);
        long shifted = millis + LOCAL_OFFSET.toMillis();
        return Math.floorDiv(shifted, size) * size - LOCAL_OFFSET.toMillis();
    }

    /** The local calendar day of an instant, as the epoch-millis of its start. */
    public static long localDayStart(long millis) {
        return start(DAY, millis);
    }
}
