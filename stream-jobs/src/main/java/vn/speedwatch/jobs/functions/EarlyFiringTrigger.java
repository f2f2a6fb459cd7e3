package vn.speedwatch.jobs.functions;

import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.streaming.api.windowing.triggers.Trigger;
import org.apache.flink.streaming.api.windowing.triggers.TriggerResult;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;

/**
 * Fires when the watermark passes the window end (the final result), at once for each late element
 * (an update within the allowed lateness), and — for freshness — once per {@code interval} of
 * processing time after new elements arrived in a still-open window. Nothing fires for a window
 * that did not change, and every timer is removed when the window is purged.
 */
public class EarlyFiringTrigger<T> extends Trigger<T, TimeWindow> {

    private final long intervalMillis;
    private final ValueStateDescriptor<Long> pendingDescriptor =
            new ValueStateDescriptor<>("early-fire-at", Long.class);

    public EarlyFiringTrigger(long intervalMillis) {
        this.intervalMillis = intervalMillis;
    }

    @Override
    public TriggerResult onElement(T element, long ts, TimeWindow window, TriggerContext ctx)
            throws Exception {
        if (window.maxTimestamp() <= ctx.getCurrentWatermark()) {
            return TriggerResult.FIRE;
        }
        ctx.registerEventTimeTimer(window.maxTimestamp());
        ValueState<Long> pending = ctx.getPartitionedState(pendingDescriptor);
        if (pending.value() == null) {
            long at = ctx.getCurrentProcessingTime() + intervalMillis;
            ctx.registerProcessingTimeTimer(at);
            pending.update(at);
        }
        return TriggerResult.CONTINUE;
    }

    @Override
    public TriggerResult onProcessingTime(long time, TimeWindow window, TriggerContext ctx)
            throws Exception {
        ctx.getPartitionedState(pendingDescriptor).clear();
        return window.maxTimestamp() <= ctx.getCurrentWatermark()
                ? TriggerResult.CONTINUE
                : TriggerResult.FIRE;
    }

    @Override
    public TriggerResult onEventTime(long time, TimeWindow window, TriggerContext ctx) {
        return time == window.maxTimestamp() ? TriggerResult.FIRE : TriggerResult.CONTINUE;
    }

    @Override
    public void clear(TimeWindow window, TriggerContext ctx) throws Exception {
        ctx.deleteEventTimeTimer(window.maxTimestamp());
        ValueState<Long> pending = ctx.getPartitionedState(pendingDescriptor);
        Long at = pending.value();
        if (at != null) {
            ctx.deleteProcessingTimeTimer(at);
        }
        pending.clear();
    }

    @Override
    public String toString() {
        return "EarlyFiringTrigger(" + intervalMillis + " ms)";
    }
}
