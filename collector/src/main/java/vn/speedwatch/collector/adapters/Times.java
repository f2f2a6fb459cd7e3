package vn.speedwatch.collector.adapters;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;

/**
 * Reads the times the tools and people write. A time without an offset is Vietnamese local time
 * (UTC+07:00, no daylight saving), which is what phones in Thủy Nguyên show.
 */
final class Times {

    static final ZoneOffset VIETNAM = ZoneOffset.ofHours(7);

    /** As typed from a phone screen: "27/11/2026 08:30", also "08:30 27/11/2026". */
    private static final List<DateTimeFormatter> TYPED =
            List.of(typed("d/M/uuuu H:mm[:ss]"), typed("H:mm[:ss] d/M/uuuu"));

    private Times() {}

    /** ISO-8601 with an offset, ISO-8601 local, or typed local time; null when none fits. */
    static OffsetDateTime parse(String text) {
        String t = text.strip();
        try {
            return OffsetDateTime.parse(t);
        } catch (DateTimeParseException notWithOffset) {
            // fall through to the local forms
        }
        try {
            return LocalDateTime.parse(t).atOffset(VIETNAM);
        } catch (DateTimeParseException notIsoLocal) {
            // fall through to the typed forms
        }
        for (DateTimeFormatter typed : TYPED) {
            try {
                return LocalDateTime.parse(t, typed).atOffset(VIETNAM);
            } catch (DateTimeParseException notThisForm) {
                // try the next form
            }
        }
        return null;
    }

    private static DateTimeFormatter typed(String pattern) {
        // STRICT with "uuuu" refuses 31/02 instead of quietly moving it to 28/02.
        return DateTimeFormatter.ofPattern(pattern).withResolverStyle(ResolverStyle.STRICT);
    }

    /** The contract's form: ISO-8601 with the offset and seconds always written. */
    static String format(OffsetDateTime time) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time);
    }
}
