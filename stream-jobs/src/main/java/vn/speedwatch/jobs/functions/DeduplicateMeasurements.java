package vn.speedwatch.jobs.functions;

import java.time.Duration;
import java.util.UUID;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.PrimitiveArrayTypeInfo;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.core.memory.DataOutputSerializer;
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
 * <p>Each id is remembered for the TTL after it was last written (first post or erasure) by state
 * TTL alone, with no timer: an expired id is never returned and is left out of every checkpoint,
 * and the incremental cleanup removes it from the heap. A processing-time timer per id cost a
 * timer-queue entry with its key on the heap and in every checkpoint (issue #5).
 *
 * <p>Keyed by {@link #key() the id's 128 bits}, not its 36-character text: the key is written once
 * per state in every checkpoint, and for a week of ids that text was the largest cost of
 * checkpointing the job.
 */
public class DeduplicateMeasurements
        extends KeyedProcessFunction<Tuple2<Long, Long>, ParsedEvent, ParsedEvent> {

    /** The type of {@link #key()}: two longs. */
    public static final TypeInformation<Tuple2<Long, Long>> KEY_TYPE =
            Types.TUPLE(Types.LONG, Types.LONG);

    /**
     * Heap-table buckets the TTL cleanup visits per state access. A new id makes two accesses and
     * the table has at most 2.7 buckets per id, so a sweep takes at most a third of a TTL's ids: an
     * expired id stays on the heap at most a third of a TTL longer (with one bucket, up to 1.3 TTLs
     * longer, which would double the heap of ids).
     */
    static final int CLEANUP_BUCKETS_PER_ACCESS = 4;

    private final Duration ttl;
    private transient ValueState<byte[]> seen;
    private transient DataOutputSerializer buffer;
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
        ValueStateDescriptor<byte[]> seenDescriptor =
                new ValueStateDescriptor<>(
                        "seen", PrimitiveArrayTypeInfo.BYTE_PRIMITIVE_ARRAY_TYPE_INFO);
        seenDescriptor.enableTimeToLive(StateTtl.of(ttl, CLEANUP_BUCKETS_PER_ACCESS));
        seen = getRuntimeContext().getState(seenDescriptor);
        buffer = new DataOutputSerializer(128);
        duplicates = getRuntimeContext().getMetricGroup().counter("duplicatesDropped");
        erasedReposts = getRuntimeContext().getMetricGroup().counter("erasedRepostsDropped");
    }

    @Override
    public void processElement(ParsedEvent event, Context ctx, Collector<ParsedEvent> out)
            throws Exception {
        byte[] previous = seen.value();
        if (event.isErasure()) {
            onErasure(event, previous, out);
        } else if (previous == null) {
            seen.update(RememberedMeasurement.of(event, buffer));
            out.collect(event);
        } else if (RememberedMeasurement.isErasedId(previous)) {
            erasedReposts.inc();
        } else {
            duplicates.inc();
        }
    }

    private void onErasure(ParsedEvent erasure, byte[] previous, Collector<ParsedEvent> out)
            throws Exception {
        if (previous != null && RememberedMeasurement.isErasedId(previous)) {
            return; // already erased: a repeated DELETE changes nothing
        }
        seen.update(RememberedMeasurement.erasedId());
        if (previous == null) {
            out.collect(erasure);
        } else {
            out.collect(
                    RememberedMeasurement.erasure(previous, erasure.id, erasure.receivedAtMillis));
        }
    }
}
