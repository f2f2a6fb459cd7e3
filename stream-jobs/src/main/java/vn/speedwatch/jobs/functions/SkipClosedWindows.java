package vn.speedwatch.jobs.functions;

import java.time.Duration;
import java.util.List;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.state.FunctionInitializationContext;
import org.apache.flink.runtime.state.FunctionSnapshotContext;
import org.apache.flink.streaming.api.checkpoint.CheckpointedFunction;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import vn.speedwatch.jobs.records.EnrichedMeasurement;

/**
 * Sends to {@link LateEvents#LATE} what belongs to a window that was already closed and purged
 * before the checkpoint the job restarted from.
 *
 * <p>Why: Flink does not checkpoint watermarks. Right after a restore the window operator's
 * watermark is back at its minimum, so a replayed record whose window had been purged would open
 * that window afresh, and its partial result would overwrite the complete row in the warehouse.
 * This stage remembers, in operator state, the lowest watermark its subtasks had seen at the
 * checkpoint (a window purged before the checkpoint was purged at or below it) and applies the
 * window's own lateness rule against it. While running it adds nothing: the window operator decides
 * lateness against the live watermark as usual.
 */
public class SkipClosedWindows extends ProcessFunction<EnrichedMeasurement, EnrichedMeasurement>
        implements CheckpointedFunction {

    private final String resolution;
    private final long allowedLatenessMillis;

    private transient ListState<Long> checkpointedWatermarks;
    private transient long restoredWatermark;
    private transient long lastWatermark;

    public SkipClosedWindows(String resolution, Duration allowedLateness) {
        this.resolution = resolution;
        this.allowedLatenessMillis = allowedLateness.toMillis();
    }

    /** True when the window of {@code measuredAtMillis} was closed at {@code watermark}. */
    static boolean windowClosed(
            String resolution, long measuredAtMillis, long allowedLatenessMillis, long watermark) {
        long windowEnd =
                Buckets.start(resolution, measuredAtMillis) + Buckets.sizeMillis(resolution);
        // The same rule as WindowOperator#isWindowLate, on the window's last millisecond.
        return windowEnd - 1 + allowedLatenessMillis <= watermark;
    }

    @Override
    public void processElement(
            EnrichedMeasurement m, Context ctx, Collector<EnrichedMeasurement> out) {
        lastWatermark = Math.max(lastWatermark, ctx.timerService().currentWatermark());
        if (windowClosed(
                resolution, m.measuredAtMillis, allowedLatenessMillis, restoredWatermark)) {
            ctx.output(LateEvents.LATE, m);
        } else {
            out.collect(m);
        }
    }

    @Override
    public void snapshotState(FunctionSnapshotContext context) throws Exception {
        checkpointedWatermarks.update(List.of(Math.max(lastWatermark, restoredWatermark)));
    }

    @Override
    public void initializeState(FunctionInitializationContext context) throws Exception {
        checkpointedWatermarks =
                context.getOperatorStateStore()
                        .getUnionListState(
                                new ListStateDescriptor<>(
                                        "closed-until-" + resolution, Types.LONG));
        // Union state: every subtask sees all subtasks' watermarks; the window operator's is
        // their minimum, so that is the safe bound.
        long min = Long.MAX_VALUE;
        for (Long w : checkpointedWatermarks.get()) {
            min = Math.min(min, w);
        }
        restoredWatermark = min == Long.MAX_VALUE ? Long.MIN_VALUE : min;
        lastWatermark = Long.MIN_VALUE;
    }
}
