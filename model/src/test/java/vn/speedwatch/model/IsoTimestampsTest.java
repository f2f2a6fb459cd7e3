package vn.speedwatch.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class IsoTimestampsTest {

    private static OffsetDateTime reference(String text) {
        return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    @Test
    void readsEveryTimestampExactlyAsTheIsoFormatterDoes() {
        List<String> texts =
                List.of(
                        "2026-11-02T01:00:05Z",
                        "2026-11-02T01:00:05.1Z",
                        "2026-11-02T01:00:05.123Z",
                        "2026-11-02T01:00:05.123456789Z",
                        "2026-11-02T01:00:05.000Z",
                        "2024-02-29T23:59:59.999999Z",
                        "1969-12-31T23:59:59.5Z",
                        "0000-01-01T00:00:00Z",
                        "2026-11-02T08:00:05+07:00",
                        "2026-11-02T08:00:05.25+07:00",
                        "2026-11-02T08:00:05-03:30",
                        "2026-11-02T08:00:05+00:00",
                        "2026-11-02T08:00:05+18:00",
                        // Shapes the fast path leaves to the formatter:
                        "2026-11-02T08:00Z",
                        "2026-11-02t08:00:05z",
                        "2026-11-02T01:00:05.Z",
                        "2026-11-02T08:00:05+07:00:30",
                        "+12026-11-02T08:00:05Z");
        for (String text : texts) {
            assertThat(IsoTimestamps.parse(text)).as(text).isEqualTo(reference(text));
        }
    }

    @Test
    void agreesWithTheFormatterOverManyInstantsAndOffsets() {
        Random r = new Random(7);
        for (int i = 0; i < 10_000; i++) {
            Instant at = Instant.ofEpochSecond(r.nextInt(), r.nextInt(1_000_000_000));
            if (i % 3 == 0) {
                at = Instant.ofEpochMilli(at.toEpochMilli());
            }
            ZoneOffset offset = ZoneOffset.ofTotalSeconds((r.nextInt(37) - 18) * 1_800);
            String text = at.atOffset(offset).toString();
            assertThat(IsoTimestamps.parse(text)).as(text).isEqualTo(reference(text));
        }
    }

    @Test
    void refusesWhatTheFormatterRefuses() {
        for (String bad :
                List.of(
                        "2026-02-30T01:00:00Z",
                        "2026-11-02T24:00:00Z",
                        "2026-11-02T01:60:00Z",
                        "2026-11-02 01:00:05Z",
                        "2026-11-02T01:00:05",
                        "2026-11-02T01:00:05.1234567890Z",
                        "2026-11-02T01:00:05+19:00",
                        "2026-11-02T01:00:05+07:60",
                        "2026-1x-02T01:00:05Z",
                        "")) {
            assertThatThrownBy(() -> IsoTimestamps.parse(bad))
                    .as(bad)
                    .isInstanceOf(DateTimeParseException.class);
        }
    }

    @Test
    void writesEveryTimestampExactlyAsTheIsoFormattersDo() {
        Random random = new Random(42);
        int[] nanos = {
            0,
            1,
            10,
            100_000_000,
            120_000_000,
            123_000_000,
            123_400_000,
            123_456_000,
            123_456_700,
            999_999_999
        };
        long[] seconds = {
            0,
            -1,
            1_790_000_000L,
            -62_167_219_200L,
            -62_167_219_201L,
            253_402_300_799L,
            253_402_300_800L,
            4_102_444_800L
        };
        for (int i = 0; i < 20_000; i++) {
            long second =
                    i < seconds.length
                            ? seconds[i]
                            : random.nextLong(-70_000_000_000L, 300_000_000_000L);
            int nano = i % 3 == 0 ? random.nextInt(1_000_000_000) : nanos[i % nanos.length];
            Instant at = Instant.ofEpochSecond(second, nano);
            ZoneOffset offset =
                    ZoneOffset.ofTotalSeconds(
                            i % 2 == 0
                                    ? random.nextInt(-18 * 3600, 18 * 3600 + 1)
                                    : (i % 5) * 3600);
            OffsetDateTime local = at.atOffset(offset);

            assertThat(IsoTimestamps.format(at))
                    .isEqualTo(DateTimeFormatter.ISO_INSTANT.format(at));
            assertThat(IsoTimestamps.format(local))
                    .isEqualTo(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(local));
        }
    }
}
