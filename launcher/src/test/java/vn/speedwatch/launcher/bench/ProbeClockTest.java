package vn.speedwatch.launcher.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Timing probes sent without waiting for each other against a monotone count. */
class ProbeClockTest {

    private static final long S = 1_000_000_000L;

    @Test
    void eachProbeIsTimedWhenTheCountFirstReachesItsNumber() {
        // 7 probes of earlier phases are already in the cell.
        ProbeClock clock = new ProbeClock(7, 60 * S);
        clock.accepted(0);
        clock.accepted(S / 2);
        clock.accepted(S);
        clock.counted(7, 2 * S);
        clock.counted(8, 3 * S);
        // The count jumps by two in one firing: both probes are timed at that poll.
        clock.counted(10, 5 * S);
        clock.counted(10, 6 * S);
        assertThat(clock.seconds()).containsExactly(3.0, 4.5, 4.0);
        assertThat(clock.allCounted()).isTrue();
    }

    @Test
    void countsFromOtherTestsInTheCellBeyondTheProbesSentAreNotTimed() {
        ProbeClock clock = new ProbeClock(0, 60 * S);
        clock.accepted(0);
        clock.counted(3, S);
        clock.accepted(2 * S);
        clock.counted(3, 3 * S);
        // The second probe is covered by a count that came before it was sent; it is timed at
        // the next poll, never with a negative time.
        assertThat(clock.seconds()).containsExactly(1.0, 1.0);
    }

    @Test
    void aProbeNotCountedInTimeFailsThePhase() {
        ProbeClock clock = new ProbeClock(0, 60 * S);
        clock.accepted(0);
        clock.accepted(S);
        clock.counted(1, 30 * S);
        clock.counted(1, 61 * S);
        assertThat(clock.allCounted()).isFalse();
        assertThatThrownBy(() -> clock.counted(1, 62 * S))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("probe 2 not aggregated 60 s");
    }

    @Test
    void aHundredProbesInFortySecondsAreAHundredSamples() {
        ProbeClock clock = new ProbeClock(0, 60 * S);
        for (int i = 0; i < 100; i++) {
            clock.accepted(i * 400_000_000L);
            // Each probe is counted 3 s after its 202, polled every 400 ms.
            clock.counted(Math.max(0, i - 7), i * 400_000_000L);
        }
        clock.counted(100, 43 * S);
        assertThat(clock.seconds()).hasSize(100);
        assertThat(clock.seconds().subList(0, 92)).allSatisfy(s -> assertThat(s).isEqualTo(3.2));
    }
}
