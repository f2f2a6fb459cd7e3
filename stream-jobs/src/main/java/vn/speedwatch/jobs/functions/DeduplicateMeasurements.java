package vn.speedwatch.jobs.functions;

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

import java.time.Duration;
import java.util.UUID;

/**
 * Stage 3, keyed by measurement id: passes the first copy of each measurement, drops later copies,
 * and turns an erasure into the erasure of the remembered measurement (so later stages know which
 * cells to correct). An erased id stays remembered, so a re-post of it is dropped too.
 *
 * <p>The state keeps only what places a measurement in its cells ({@link
 * ParsedEvent#remembered()}), which includes the exact coordinates: they live in job state for at
 * most the TTL (7 days by default), well within the warehouse's coordinate retention.
 *
 * <p>Each id is remembered for the TTL after it was last seen (first post or erasure); a
 * processing-time timer clears the state then, and state TTL backs it up.
 *
 * <p>Keyed by {@link #key() the id's 128 bits}, not its 36-character text: the key is written
 * once per state and timer in every checkpoint, and for a week of ids that text was the largest
 * cost of checkpointing the job.
 */
public class DeduplicateMeasurements
        extends KeyedProcessFunction<Tuple2<Long, Long>, ParsedEvent, ParsedEvent> {

    /** The type of {@link #key()}: two longs. */
    public static final TypeInformation<Tuple2<Long, Long>> KEY_TYPE =
            Types.TUPLE(Types.LONG, Types.LONG);

    private final Duration ttl;
    private transient ValueState<ParsedEvent> seen;
    private transient ValueState<Long> expiry;
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
        ValueStateDescriptor<ParsedEvent> seenDescriptor =
                new ValueStateDescriptor<>("seen", ParsedEvent.class);
        seenDescriptor.enableTimeToLive(StateTtl.of(ttl));
        seen = getRuntimeContext().getState(seenDescriptor);
        ValueStateDescriptor<Long> expiryDescriptor =
                new ValueStateDescriptor<>("expiry", Long.class);
        expiryDescriptor.enableTimeToLive(StateTtl.of(ttl));
        expiry = getRuntimeContext().getState(expiryDescriptor);
        duplicates = getRuntimeContext().getMetricGroup().counter("duplicatesDropped");
        erasedReposts = getRuntimeContext().getMetricGroup().counter("erasedRepostsDropped");
    }

    @Override
    public void processElement(ParsedEvent event, Context ctx, Collector<ParsedEvent> out)
            throws Exception {
        ParsedEvent previous = seen.value();
        if (event.isErasure()) {
            onErasure(event, previous, ctx, out);
        } else if (previous == null) {
            seen.update(event.remembered());
            remember(ctx);
            out.collect(event);
        } else if (previous.isErasure()) {
            erasedReposts.inc();
        } else {
            duplicates.inc();
        }
    }

    private void onErasure(
            ParsedEvent erasure, ParsedEvent previous, Context ctx, Collector<ParsedEvent> out)
            throws Exception {
        if (previous != null && previous.isErasure()) {
            return; // already erased: a repeated DELETE changes nothing
        }
        ParsedEvent tombstone = new ParsedEvent();
        tombstone.type = ParsedEvent.ERASURE;
        tombstone.id = erasure.id;
        tombstone.receivedAtMillis = erasure.receivedAtMillis;
        seen.update(tombstone);
        remember(ctx);
        if (previous == null) {
            out.collect(erasure);
        } else {
            ParsedEvent known = previous.asErasure(erasure.receivedAtMillis);
            known.id = erasure.id;
            out.collect(known);
        }
    }

    private void remember(Context ctx) throws Exception {
        Long old = expiry.value();
        if (old != null) {
            ctx.timerService().deleteProcessingTimeTimer(old);
        }
        long at = ctx.timerService().currentProcessingTime() + ttl.toMillis();
        ctx.timerService().registerProcessingTimeTimer(at);
        expiry.update(at);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<ParsedEvent> out)
            throws Exception {
        seen.clear();
        expiry.clear();
    }
}
