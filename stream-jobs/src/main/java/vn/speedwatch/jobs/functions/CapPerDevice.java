package vn.speedwatch.jobs.functions;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Arrays;
import java.util.UUID;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.PrimitiveArrayTypeInfo;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import vn.speedwatch.jobs.records.EnrichedMeasurement;

/**
 * Stage 5, keyed by {@link #key device × cell × local day}: lets at most {@code cap} tests of one
 * device into the aggregates of one cell per day, so a single heavy tester cannot move a median.
 * The raw rows of capped tests are still stored (they left the enrichment stage already).
 *
 * <p>The state is the list of admitted ids (at most {@code cap}, as 64-bit hashes to stay small),
 * so an erasure of an admitted test frees its place and is passed on, and an erasure of a capped
 * test — never aggregated — is not. The list is copied at every admitted test, which is cheap for
 * the small caps this is for (10 by default); with the cap lifted, one device posting every test
 * makes each test copy all the earlier ones (the one-machine benchmark once did, issue #11). An
 * event-time timer clears the state once the day can no longer receive late data.
 *
 * <p>The key is 128 bits of a SHA-256 of the device, cell and day text rather than the text: there
 * is about one key per measurement, each written for its state and its timer in every checkpoint,
 * and that text (a 22-character device hash, TDP, operator, access type, day) dominated
 * checkpointing.
 */
public class CapPerDevice
        extends KeyedProcessFunction<Tuple2<Long, Long>, EnrichedMeasurement, EnrichedMeasurement> {

    /** The type of {@link #key()}: two longs. */
    public static final TypeInformation<Tuple2<Long, Long>> KEY_TYPE =
            Types.TUPLE(Types.LONG, Types.LONG);

    private static final ThreadLocal<MessageDigest> SHA_256 =
            ThreadLocal.withInitial(CapPerDevice::sha256);

    private final int cap;
    private final long allowedLatenessMillis;
    private final Duration ttl;
    private transient ValueState<long[]> admitted;
    private transient Counter capped;

    public CapPerDevice(int cap, Duration allowedLateness) {
        this.cap = cap;
        this.allowedLatenessMillis = allowedLateness.toMillis();
        this.ttl = allowedLateness.plusDays(2);
    }

    /** Device × cell × local day, as the first 128 bits of the SHA-256 of {@link #keyText}. */
    public static KeySelector<EnrichedMeasurement, Tuple2<Long, Long>> key() {
        return m -> {
            MessageDigest digest = SHA_256.get();
            ByteBuffer bits =
                    ByteBuffer.wrap(digest.digest(keyText(m).getBytes(StandardCharsets.UTF_8)));
            return Tuple2.of(bits.getLong(), bits.getLong());
        };
    }

    /** Measurements without a device hash share no key with anyone: each is its own device. */
    static String keyText(EnrichedMeasurement m) {
        return (m.deviceHash == null ? "id:" + m.id : m.deviceHash)
                + '|'
                + CellKey.of(m.tdpCode, m.operator, m.accessType)
                + '|'
                + Buckets.localDayStart(m.measuredAtMillis);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    @Override
    public void open(OpenContext context) {
        ValueStateDescriptor<long[]> d =
                new ValueStateDescriptor<>(
                        "admitted-ids", PrimitiveArrayTypeInfo.LONG_PRIMITIVE_ARRAY_TYPE_INFO);
        d.enableTimeToLive(StateTtl.of(ttl));
        admitted = getRuntimeContext().getState(d);
        capped = getRuntimeContext().getMetricGroup().counter("cappedByDevice");
    }

    @Override
    public void processElement(
            EnrichedMeasurement m, Context ctx, Collector<EnrichedMeasurement> out)
            throws Exception {
        long[] ids = admitted.value();
        int n = ids == null ? 0 : ids.length;
        long id = hash(m.id);
        if (m.erasure) {
            int at = indexOf(ids, id);
            if (at >= 0) {
                long[] rest = new long[n - 1];
                System.arraycopy(ids, 0, rest, 0, at);
                System.arraycopy(ids, at + 1, rest, at, n - at - 1);
                admitted.update(rest);
                out.collect(m);
            }
            return;
        }
        if (n >= cap) {
            capped.inc();
            return;
        }
        if (ids == null) {
            long dayEnd = Buckets.localDayStart(m.measuredAtMillis) + Buckets.DAY_MILLIS;
            ctx.timerService().registerEventTimeTimer(dayEnd - 1 + allowedLatenessMillis);
            ids = new long[0];
        }
        long[] more = Arrays.copyOf(ids, n + 1);
        more[n] = id;
        admitted.update(more);
        out.collect(m);
    }

    private static int indexOf(long[] ids, long id) {
        for (int i = 0; ids != null && i < ids.length; i++) {
            if (ids[i] == id) {
                return i;
            }
        }
        return -1;
    }

    /** A 64-bit hash of the id: UUIDs fold to their two halves, other ids to a string hash. */
    static long hash(String id) {
        try {
            UUID u = UUID.fromString(id);
            return u.getMostSignificantBits() * 31 + u.getLeastSignificantBits();
        } catch (IllegalArgumentException e) {
            long h = 1125899906842597L;
            for (int i = 0; i < id.length(); i++) {
                h = 31 * h + id.charAt(i);
            }
            return h;
        }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<EnrichedMeasurement> out) {
        admitted.clear();
    }
}
