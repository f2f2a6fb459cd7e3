package vn.speedwatch.jobs.functions;

import java.time.Duration;
import java.util.UUID;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import vn.speedwatch.jobs.records.ParsedEvent;
import vn.speedwatch.jobs.records.RememberedMeasurement;

/**
 * Stage 3, keyed by measurement id: passes the first copy of each measurement, drops later copies,
 * and turns an erasure into the erasure of the remembered measurement (so later stages know which
 * cells to correct). An erased id stays remembered, so a re-post of it is dropped too.
 *
 * <p>The state keeps only what places a measurement in its cells ({@link RememberedMeasurement}),
 * which includes the exact coordinates: they live in job state for at most the TTL (7 days by
 * default), well within the warehouse's coordinate retention.
 *
 * <p>Each id is remembered for the TTL after it was last seen (first post or erasure); a
 * processing-time timer clears the state then, and state TTL backs it up. The time it is forgotten
 * lives in the same state value, so each id costs one state entry and one timer (two for a while
 * after an erasure).
 *
 * <p>Keyed by {@link #key() the id's 128 bits}, not its 36-character text: the key is written once
 * per state and timer in every checkpoint, and for a week of ids that text was the largest cost of
 * checkpointing the job.
 */
public class DeduplicateMeasurements
        extends KeyedProcessFunction<Tuple2<Long, Long>, ParsedEvent, ParsedEvent> {

    /** The type of {@link #key()}: two longs. */
    public static final TypeInformation<Tuple2<Long, Long>> KEY_TYPE =
            Types.TUPLE(Types.LONG, Types.LONG);

    private final Duration ttl;
    private transient ValueState<RememberedMeasurement> seen;
    private transient Counter duplicates;
    private transient Counter erasedReposts;

    public DeduplicateMeasurements(Duration ttl) {
        this.ttl = ttl;
    }

    /** The measurement id as a UUID's two halves; the parse stage let only UUIDs through. */
    public static KeySelector<ParsedEvent, Tuple2<Long, Long>> key() {
        return e -> {
            UUID id = UUID.fromString(e.id);
            return Tuple2.of(id.getMostSignificantBits(), id.getLeastSignificantBits());
        };
    }

    @Override
    public void open(OpenContext context) {
        ValueStateDescriptor<RememberedMeasurement> seenDescriptor =
                new ValueStateDescriptor<>("seen", RememberedMeasurement.class);
        seenDescriptor.enableTimeToLive(StateTtl.of(ttl));
        seen = getRuntimeContext().getState(seenDescriptor);
        duplicates = getRuntimeContext().getMetricGroup().counter("duplicatesDropped");
        erasedReposts = getRuntimeContext().getMetricGroup().counter("erasedRepostsDropped");
    }

    @Override
    public void processElement(ParsedEvent event, Context ctx, Collector<ParsedEvent> out)
            throws Exception {
        RememberedMeasurement previous = seen.value();
        if (event.isErasure()) {
            onErasure(event, previous, ctx, out);
        } else if (previous == null) {
            seen.update(RememberedMeasurement.of(event, forgetAt(ctx)));
            out.collect(event);
        } else if (previous.erased) {
            erasedReposts.inc();
        } else {
            duplicates.inc();
        }
    }

    private void onErasure(
            ParsedEvent erasure,
            RememberedMeasurement previous,
            Context ctx,
            Collector<ParsedEvent> out)
            throws Exception {
        if (previous != null && previous.erased) {
            return; // already erased: a repeated DELETE changes nothing
        }
        seen.update(RememberedMeasurement.erasedId(forgetAt(ctx)));
        if (previous == null) {
            out.collect(erasure);
        } else {
            out.collect(previous.erasure(erasure.id, erasure.receivedAtMillis));
        }
    }

    /**
     * Sets the timer that forgets the id a TTL from now and returns its time. A timer set earlier
     * for the same id (its first post, before an erasure) is left to fire and ignored: deleting it
     * would need a second state per id only for this rare case.
     */
    private long forgetAt(Context ctx) {
        long at = ctx.timerService().currentProcessingTime() + ttl.toMillis();
        ctx.timerService().registerProcessingTimeTimer(at);
        return at;
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<ParsedEvent> out)
            throws Exception {
        RememberedMeasurement remembered = seen.value();
        if (remembered != null && remembered.forgetAtMillis <= timestamp) {
            seen.clear();
        }
    }
}
