package vn.speedwatch.jobs.functions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Random;

class UtcTimestampsTest {

    @Test
    void readsEveryTimestampExactlyAsInstantParseDoes() {
        List<String> texts =
                List.of(
                        "2026-11-02T01:00:05Z",
                        "2026-11-02T01:00:05.1Z",
                        "2026-11-02T01:00:05.123Z",
                        "2026-11-02T01:00:05.123456789Z",
                        "2024-02-29T23:59:59.999999Z",
                        "1969-12-31T23:59:59.5Z",
                        "0000-01-01T00:00:00Z",
                        "2026-11-02T08:00:05+07:00",
                        "2026-11-02T24:00:00Z",
                        "2026-11-02T01:00:05.Z",
                        "2026-11-02T01:00:05.000Z");
        for (String text : texts) {
            assertThat(UtcTimestamps.parseMillis(text))
                    .as(text)
                    .isEqualTo(Instant.parse(text).toEpochMilli());
        }
    }

    @Test
    void agreesWithInstantToStringOverManyInstants() {
        Random r = new Random(7);
        for (int i = 0; i < 10_000; i++) {
            Instant at = Instant.ofEpochSecond(r.nextInt(), r.nextInt(1_000_000_000));
            if (i % 3 == 0) {
                at = Instant.ofEpochMilli(at.toEpochMilli());
            }
            assertThat(UtcTimestamps.parseMillis(at.toString())).isEqualTo(at.toEpochMilli());
        }
    }

    @Test
    void refusesWhatInstantParseRefuses() {
        for (String bad :
                List.of(
                        "2026-02-30T01:00:00Z",
                        "2026-11-02 01:00:05Z",
                        "2026-11-02T01:00:05",
                        "2026-1x-02T01:00:05Z")) {
            assertThatThrownBy(() -> UtcTimestamps.parseMillis(bad))
                    .as(bad)
                    .isInstanceOf(DateTimeParseException.class);
        }
    }
}
