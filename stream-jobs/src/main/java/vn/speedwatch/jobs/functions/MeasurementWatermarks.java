package vn.speedwatch.jobs.functions;

import java.time.Duration;
import org.apache.flink.api.common.eventtime.BoundedOutOfOrdernessWatermarks;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import vn.speedwatch.jobs.records.ParsedEvent;

/**
 * Event time is {@code measuredAt}, with bounded out-of-orderness and source idleness. Erasures
 * carry the time they were requested, which is not a measurement time, so they never advance the
 * watermark.
 */
public final class MeasurementWatermarks {

    private MeasurementWatermarks() {}

    public static WatermarkStrategy<ParsedEvent> strategy(
            Duration outOfOrderness, Duration idleness) {
        WatermarkStrategy<ParsedEvent> s =
                WatermarkStrategy.<ParsedEvent>forGenerator(ctx -> new Generator(outOfOrderness))
                        .withTimestampAssigner(
                                (e, previous) ->
                                        e.isErasure() ? e.receivedAtMillis : e.measuredAtMillis);
        return idleness.isZero() ? s : s.withIdleness(idleness);
    }

    /** Bounded out-of-orderness over measurements only. */
    static final class Generator extends BoundedOutOfOrdernessWatermarks<ParsedEvent> {
        Generator(Duration outOfOrderness) {
            super(outOfOrderness);
        }

        @Override
        public void onEvent(ParsedEvent event, long timestamp, WatermarkOutput output) {
            if (!event.isErasure()) {
                super.onEvent(event, timestamp, output);
            }
        }
    }
}
