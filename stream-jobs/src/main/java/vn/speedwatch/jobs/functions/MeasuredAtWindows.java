package vn.speedwatch.jobs.functions;

import java.util.Collection;
import java.util.List;
import org.apache.flink.api.common.ExecutionConfig;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.streaming.api.windowing.assigners.WindowAssigner;
import org.apache.flink.streaming.api.windowing.triggers.Trigger;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;
import vn.speedwatch.jobs.records.EnrichedMeasurement;

/**
 * Tumbling hour or local-day windows placed by the measurement's own {@code measuredAt} instead of
 * the record timestamp: an erasure travels with the time it was requested, but must land in the
 * window of the measurement it removes.
 */
public class MeasuredAtWindows extends WindowAssigner<EnrichedMeasurement, TimeWindow> {

    private final String resolution;
    private final long earlyFireMillis;

    public MeasuredAtWindows(String resolution, long earlyFireMillis) {
        this.resolution = resolution;
        this.earlyFireMillis = earlyFireMillis;
    }

    @Override
    public Collection<TimeWindow> assignWindows(
            EnrichedMeasurement element, long timestamp, WindowAssignerContext context) {
        long start = Buckets.start(resolution, element.measuredAtMillis);
        return List.of(new TimeWindow(start, start + Buckets.sizeMillis(resolution)));
    }

    @Override
    public Trigger<EnrichedMeasurement, TimeWindow> getDefaultTrigger() {
        return new EarlyFiringTrigger<>(earlyFireMillis);
    }

    @Override
    public TypeSerializer<TimeWindow> getWindowSerializer(ExecutionConfig config) {
        return new TimeWindow.Serializer();
    }

    @Override
    public boolean isEventTime() {
        return true;
    }

    @Override
    public String toString() {
        return "MeasuredAtWindows(" + resolution + ")";
    }
}
