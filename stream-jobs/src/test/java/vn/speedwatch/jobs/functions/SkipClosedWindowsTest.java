package vn.speedwatch.jobs.functions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.ProcessOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;
import vn.speedwatch.jobs.records.EnrichedMeasurement;

/** After a restore, a replayed record must not reopen a window that was purged before. */
class SkipClosedWindowsTest {

    static final Instant NINE_O_CLOCK = Instant.parse("2026-11-02T02:00:00Z");
    static final Duration LATENESS = Duration.ofMinutes(30);

    @Test
    void sendsRecordsOfWindowsClosedBeforeTheCheckpointToTheLateOutputAfterARestore()
            throws Exception {
        OperatorSubtaskState snapshot;
        try (var before = harness()) {
            before.open();
            before.processElement(at(NINE_O_CLOCK), NINE_O_CLOCK.toEpochMilli());
            // 10:00 + 30 min lateness has passed: the 9 o'clock hour is closed.
            before.processWatermark(
                    new Watermark(NINE_O_CLOCK.plus(Duration.ofMinutes(95)).toEpochMilli()));
            before.processElement(
                    at(NINE_O_CLOCK.plus(Duration.ofMinutes(95))),
                    NINE_O_CLOCK.plus(Duration.ofMinutes(95)).toEpochMilli());
            snapshot = before.snapshot(1, 1);
            assertThat(before.getSideOutput(LateEvents.LATE))
                    .as("while running, lateness is the window operator's business")
                    .isNull();
        }
        try (var after = harness()) {
            after.initializeState(snapshot);
            after.open();
            long replayed = NINE_O_CLOCK.plus(Duration.ofMinutes(10)).toEpochMilli();
            long stillOpen = NINE_O_CLOCK.plus(Duration.ofMinutes(70)).toEpochMilli();
            after.processElement(at(Instant.ofEpochMilli(replayed)), replayed);
            after.processElement(at(Instant.ofEpochMilli(stillOpen)), stillOpen);

            assertThat(after.getSideOutput(LateEvents.LATE))
                    .extracting(r -> r.getValue().measuredAtMillis)
                    .containsExactly(replayed);
            assertThat(after.extractOutputValues())
                    .extracting(m -> m.measuredAtMillis)
                    .containsExactly(stillOpen);
        }
    }

    @Test
    void usesTheWindowOperatorsLatenessRule() {
        long end = NINE_O_CLOCK.plus(Duration.ofHours(1)).toEpochMilli();
        long nineThirty = NINE_O_CLOCK.plus(Duration.ofMinutes(30)).toEpochMilli();
        long lateness = LATENESS.toMillis();
        assertThat(
                        SkipClosedWindows.windowClosed(
                                Buckets.HOUR, nineThirty, lateness, end - 2 + lateness))
                .isFalse();
        assertThat(
                        SkipClosedWindows.windowClosed(
                                Buckets.HOUR, nineThirty, lateness, end - 1 + lateness))
                .isTrue();
    }

    private static OneInputStreamOperatorTestHarness<EnrichedMeasurement, EnrichedMeasurement>
            harness() throws Exception {
        return new OneInputStreamOperatorTestHarness<>(
                new ProcessOperator<>(new SkipClosedWindows(Buckets.HOUR, LATENESS)));
    }

    private static EnrichedMeasurement at(Instant measuredAt) {
        EnrichedMeasurement m = new EnrichedMeasurement();
        m.id = "m-" + measuredAt.toEpochMilli();
        m.measuredAtMillis = measuredAt.toEpochMilli();
        m.tdpCode = "TDP-07";
        m.operator = "VIETTEL";
        m.accessType = "FIXED_FIBER";
        return m;
    }
}
