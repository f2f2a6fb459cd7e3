package vn.speedwatch.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Timestamps in the binary COPY stream; the round trip of every column is in the contracts. */
class RawCopyFormatTest {

    @Test
    void timestampsCountMicrosecondsFromTheYear2000() {
        assertThat(RawCopyFormat.pgMicros(Instant.parse("2000-01-01T00:00:00Z"))).isZero();
        assertThat(RawCopyFormat.pgMicros(Instant.parse("2000-01-01T00:00:01.000002Z")))
                .isEqualTo(1_000_002L);
        assertThat(RawCopyFormat.pgMicros(Instant.parse("1999-12-31T23:59:59Z")))
                .isEqualTo(-1_000_000L);
    }

    @Test
    void nanosecondsRoundToTheNearestMicrosecondHalfUpAsTheDriverDoes() {
        assertThat(RawCopyFormat.pgMicros(Instant.parse("2000-01-01T00:00:00.000001499Z")))
                .isEqualTo(1L);
        assertThat(RawCopyFormat.pgMicros(Instant.parse("2000-01-01T00:00:00.000001500Z")))
                .isEqualTo(2L);
        assertThat(RawCopyFormat.pgMicros(Instant.parse("1999-12-31T23:59:59.999999999Z")))
                .isZero();
    }
}
