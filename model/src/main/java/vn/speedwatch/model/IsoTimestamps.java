package vn.speedwatch.model;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Reads and writes ISO-8601 timestamps with an offset ({@code 2026-11-02T08:00:05.123+07:00},
 * {@code …Z}). The common shape is read by hand because {@code DateTimeFormatter} cost a fifth of
 * the parse stage in the collector and the stream job profiles; anything else (no seconds,
 * lower-case letters, years beyond four digits, bad values) goes to {@code OffsetDateTime.parse}
 * with {@link DateTimeFormatter#ISO_OFFSET_DATE_TIME}, so the result — and the exception for bad
 * text — is always exactly that method's.
 */
public final class IsoTimestamps {

    private static final int[] POWERS_OF_TEN = {
        1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000, 1_000_000_000
    };

    private IsoTimestamps() {}

    /**
     * The timestamp of {@code text}.
     *
     * @throws java.time.format.DateTimeParseException where {@code OffsetDateTime.parse} throws
     */
    public static OffsetDateTime parse(String text) {
        OffsetDateTime fast = fastPath(text);
        return fast != null
                ? fast
                : OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    /** {@code yyyy-MM-ddTHH:mm:ss[.f{1,9}](Z|±HH:MM)}, or null for any other text. */
    private static OffsetDateTime fastPath(String s) {
        int n = s.length();
        if (n < 20
                || s.charAt(4) != '-'
                || s.charAt(7) != '-'
                || s.charAt(10) != 'T'
                || s.charAt(13) != ':'
                || s.charAt(16) != ':') {
            return null;
        }
        int end = n; // where the offset starts
        ZoneOffset offset;
        if (s.charAt(n - 1) == 'Z') {
            end = n - 1;
            offset = ZoneOffset.UTC;
        } else if (n >= 25
                && s.charAt(n - 3) == ':'
                && (s.charAt(n - 6) == '+' || s.charAt(n - 6) == '-')) {
            end = n - 6;
            int hours = digits(s, n - 5, 2);
            int minutes = digits(s, n - 2, 2);
            if ((hours | minutes) < 0 || hours > 18 || minutes > 59) {
                return null;
            }
            int sign = s.charAt(n - 6) == '-' ? -1 : 1;
            offset = ZoneOffset.ofTotalSeconds(sign * (hours * 3_600 + minutes * 60));
        } else {
            return null;
        }
        int nanos = 0;
        if (end > 19) {
            int fractionDigits = end - 20;
            if (s.charAt(19) != '.' || fractionDigits < 1 || fractionDigits > 9) {
                return null;
            }
            int fraction = digits(s, 20, fractionDigits);
            if (fraction < 0) {
                return null;
            }
            nanos = fraction * POWERS_OF_TEN[9 - fractionDigits];
        } else if (end != 19) {
            return null;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 2);
        int day = digits(s, 8, 2);
        int hour = digits(s, 11, 2);
        int minute = digits(s, 14, 2);
        int second = digits(s, 17, 2);
        if ((year | month | day | hour | minute | second) < 0
                || hour > 23
                || minute > 59
                || second > 59) {
            return null;
        }
        try {
            return OffsetDateTime.of(year, month, day, hour, minute, second, nanos, offset);
        } catch (DateTimeException e) {
            return null; // February 30th and the like: the formatter says why
        }
    }

    /**
     * {@code t} as {@link DateTimeFormatter#ISO_OFFSET_DATE_TIME} formats it (seconds always, the
     * fraction without trailing zeros, {@code Z} for UTC), by hand for years 0-9999.
     */
    public static String format(OffsetDateTime t) {
        int year = t.getYear();
        if (year < 0 || year > 9999) {
            return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(t);
        }
        StringBuilder b = new StringBuilder(35);
        dateAndTime(
                b,
                year,
                t.getMonthValue(),
                t.getDayOfMonth(),
                t.getHour(),
                t.getMinute(),
                t.getSecond());
        int nanos = t.getNano();
        if (nanos > 0) {
            int digits = 9;
            while (nanos % 10 == 0) {
                nanos /= 10;
                digits--;
            }
            b.append('.');
            pad(b, nanos, digits);
        }
        b.append(t.getOffset().getId()); // "Z", "+07:00", "-03:30:15": the formatter's form
        return b.toString();
    }

    /**
     * {@code t} as {@link DateTimeFormatter#ISO_INSTANT} formats it (UTC, {@code Z}, the fraction
     * in groups of three digits), by hand for years 0-9999.
     */
    public static String format(Instant t) {
        OffsetDateTime utc = t.atOffset(ZoneOffset.UTC);
        int year = utc.getYear();
        if (year < 0 || year > 9999) {
            return DateTimeFormatter.ISO_INSTANT.format(t);
        }
        StringBuilder b = new StringBuilder(30);
        dateAndTime(
                b,
                year,
                utc.getMonthValue(),
                utc.getDayOfMonth(),
                utc.getHour(),
                utc.getMinute(),
                utc.getSecond());
        int nanos = utc.getNano();
        if (nanos > 0) {
            b.append('.');
            if (nanos % 1_000_000 == 0) {
                pad(b, nanos / 1_000_000, 3);
            } else if (nanos % 1_000 == 0) {
                pad(b, nanos / 1_000, 6);
            } else {
                pad(b, nanos, 9);
            }
        }
        return b.append('Z').toString();
    }

    private static void dateAndTime(
            StringBuilder b, int year, int month, int day, int hour, int minute, int second) {
        pad(b, year, 4);
        pad(b.append('-'), month, 2);
        pad(b.append('-'), day, 2);
        pad(b.append('T'), hour, 2);
        pad(b.append(':'), minute, 2);
        pad(b.append(':'), second, 2);
    }

    /** {@code value} in {@code width} decimal digits with leading zeros. */
    private static void pad(StringBuilder b, int value, int width) {
        for (int p = POWERS_OF_TEN[width - 1]; p > 0; p /= 10) {
            b.append((char) ('0' + value / p % 10));
        }
    }

    /** The decimal number of {@code count} ASCII digits at {@code from}, or -1. */
    private static int digits(String s, int from, int count) {
        int v = 0;
        for (int i = from; i < from + count; i++) {
            int d = s.charAt(i) - '0';
            if (d < 0 || d > 9) {
                return -1;
            }
            v = v * 10 + d;
        }
        return v;
    }
}
