package vn.speedwatch.jobs.functions;

import com.datadoghq.sketch.ddsketch.DDSketch;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.PrimitiveArrayTypeInfo;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.tuple.Tuple3;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.speedwatch.jobs.functions.AlertRules.Check;
import vn.speedwatch.jobs.functions.AlertRules.Streak;
import vn.speedwatch.jobs.records.AlertEvent;
import vn.speedwatch.jobs.records.QualityAggregate;
import vn.speedwatch.model.QualitySketch;

/**
 * Watches one TDP × operator × access type (the key) through its final hourly aggregates and opens
 * or closes quality alerts by {@link AlertRules}, evaluating at the end of every hour of event time
 * while the last 24 hours hold data.
 *
 * <p>State is small and bounded: download sketch and counts of the last 48 hours (a later final
 * within that time replaces its hour), older hours merged into one sketch per day, days kept for
 * the 28-day baseline only, and the debounce streak of each rule. When no data came for 24 hours
 * plus the baseline period, a clean-up timer forgets the key, closing an alert still open since
 * nothing else ever would. State TTL is a second safety net.
 */
public class DetectQualityAlerts
        extends KeyedProcessFunction<Tuple3<String, String, String>, QualityAggregate, AlertEvent> {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(DetectQualityAlerts.class);

    static final long HOUR = Duration.ofHours(1).toMillis();
    static final long DAY = Duration.ofDays(1).toMillis();
    static final long BASELINE = 28 * DAY;

    /** Hours kept one by one, so a late final within this time still replaces its hour. */
    static final long HOUR_RETENTION = 2 * DAY;

    /** A key with no data for this long is forgotten. */
    static final long QUIET_AFTER = DAY + BASELINE;

    private static final Duration STATE_TTL = Duration.ofMillis(QUIET_AFTER + 7 * DAY);

    private final AlertRules rules;

    private transient MapState<Long, QualityAggregate> hours;
    private transient MapState<Long, byte[]> days;
    private transient ValueState<Long> rolledUpTo;
    private transient ValueState<Long> nextEvaluation;
    private transient ValueState<Long> cleanupAt;
    private transient ValueState<Streak> medianStreak;
    private transient ValueState<Streak> qcvnStreak;

    public DetectQualityAlerts(AlertRules rules) {
        this.rules = rules;
    }

    @Override
    public void open(OpenContext openContext) {
        StateTtlConfig ttl = StateTtl.of(STATE_TTL);
        MapStateDescriptor<Long, QualityAggregate> hoursDescriptor =
                new MapStateDescriptor<>(
                        "hours", Types.LONG, TypeInformation.of(QualityAggregate.class));
        hoursDescriptor.enableTimeToLive(ttl);
        hours = getRuntimeContext().getMapState(hoursDescriptor);
        MapStateDescriptor<Long, byte[]> daysDescriptor =
                new MapStateDescriptor<>(
                        "days", Types.LONG, PrimitiveArrayTypeInfo.BYTE_PRIMITIVE_ARRAY_TYPE_INFO);
        daysDescriptor.enableTimeToLive(ttl);
        days = getRuntimeContext().getMapState(daysDescriptor);
        rolledUpTo = value("rolled-up-to", Types.LONG, ttl);
        nextEvaluation = value("next-evaluation", Types.LONG, ttl);
        cleanupAt = value("cleanup-at", Types.LONG, ttl);
        medianStreak = value("median-streak", TypeInformation.of(Streak.class), ttl);
        qcvnStreak = value("qcvn-streak", TypeInformation.of(Streak.class), ttl);
    }

    @Override
    public void processElement(QualityAggregate agg, Context ctx, Collector<AlertEvent> out)
            throws Exception {
        if (!agg.finalResult || !"hour".equals(agg.resolution) || !readable(agg, ctx)) {
            return;
        }
        Long rolled = rolledUpTo.value();
        if (rolled != null && agg.bucketStartMillis < rolled) {
            LOG.warn(
                    "Alerts of {} ignore a late final for hour {}: already merged into its day",
                    ctx.getCurrentKey(),
                    agg.bucketStartMillis);
            return;
        }
        hours.put(agg.bucketStartMillis, slim(agg));
        long hourEnd = agg.bucketStartMillis + HOUR;
        if (nextEvaluation.value() == null) {
            schedule(ctx, nextEvaluation, hourEnd);
        }
        Long cleanup = cleanupAt.value();
        if (cleanup == null || cleanup < hourEnd + QUIET_AFTER) {
            if (cleanup != null) {
                ctx.timerService().deleteEventTimeTimer(cleanup);
            }
            schedule(ctx, cleanupAt, hourEnd + QUIET_AFTER);
        }
    }

    @Override
    public void onTimer(long time, OnTimerContext ctx, Collector<AlertEvent> out) throws Exception {
        if (Long.valueOf(time).equals(cleanupAt.value())) {
            forget(ctx.getCurrentKey(), time, out);
        } else if (Long.valueOf(time).equals(nextEvaluation.value())) {
            AlertRules.Window w = window(time);
            step(ctx.getCurrentKey(), time, w, medianStreak, rules.medianDrop(w), out);
            step(ctx.getCurrentKey(), time, w, qcvnStreak, rules.belowQcvn(w), out);
            rollUp(time);
            if (hasHoursFrom(time + HOUR - DAY)) {
                schedule(ctx, nextEvaluation, time + HOUR);
            } else {
                nextEvaluation.clear(); // 24 quiet hours: wait for new data
            }
        }
    }

    private void step(
            Tuple3<String, String, String> key,
            long end,
            AlertRules.Window w,
            ValueState<Streak> streak,
            Check check,
            Collector<AlertEvent> out)
            throws Exception {
        Streak before = streak.value() == null ? Streak.QUIET : streak.value();
        Streak after = rules.next(before, check);
        if (after.isQuiet()) {
            streak.clear();
        } else {
            streak.update(after);
        }
        if (after.open() != before.open()) {
            AlertEvent event =
                    AlertEvent.of(
                            after.open() ? AlertEvent.Action.OPEN : AlertEvent.Action.CLOSE,
                            kindOf(streak),
                            key.f0,
                            key.f1,
                            key.f2,
                            end);
            event.sampleCount = w.samples();
            event.median24h = w.median24h();
            event.baselineMedian = w.baselineMedian();
            event.belowQcvnShare = w.belowQcvnShare();
            LOG.info("Quality alert: {}", event);
            out.collect(event);
        }
    }

    /** The 24 hours before {@code end} and, for the baseline, the 28 days before those. */
    private AlertRules.Window window(long end) throws Exception {
        long windowStart = end - DAY;
        long baselineStart = windowStart - BASELINE;
        List<DDSketch> recent = new ArrayList<>();
        List<DDSketch> baseline = new ArrayList<>();
        long samples = 0;
        long evaluated = 0;
        long below = 0;
        for (Map.Entry<Long, QualityAggregate> e : hours.entries()) {
            QualityAggregate h = e.getValue();
            if (e.getKey() >= windowStart && e.getKey() < end) {
                recent.add(QualitySketch.fromBytes(h.downloadSketch));
                samples += h.sampleCount;
                evaluated += h.qcvnEvaluatedCount;
                below += h.belowQcvnCount;
            } else if (e.getKey() >= baselineStart && e.getKey() < windowStart) {
                baseline.add(QualitySketch.fromBytes(h.downloadSketch));
            }
        }
        for (Map.Entry<Long, byte[]> e : days.entries()) {
            if (e.getKey() >= baselineStart && e.getKey() < windowStart) {
                baseline.add(QualitySketch.fromBytes(e.getValue()));
            }
        }
        DDSketch base = QualitySketch.merge(baseline);
        return new AlertRules.Window(
                samples,
                median(QualitySketch.merge(recent)),
                (long) base.getCount(),
                median(base),
                evaluated,
                below);
    }

    /** Merges hours past the hour retention into their day; drops days older than the baseline. */
    private void rollUp(long now) throws Exception {
        long cutoff = now - HOUR_RETENTION;
        List<Long> old = new ArrayList<>();
        for (Long start : hours.keys()) {
            if (start < cutoff) {
                old.add(start);
            }
        }
        for (Long start : old) {
            long day = Buckets.localDayStart(start);
            DDSketch hour = QualitySketch.fromBytes(hours.get(start).downloadSketch);
            byte[] before = days.get(day);
            DDSketch merged =
                    before == null
                            ? hour
                            : QualitySketch.merge(QualitySketch.fromBytes(before), hour);
            days.put(day, QualitySketch.toBytes(merged));
            hours.remove(start);
        }
        if (!old.isEmpty()) {
            rolledUpTo.update(cutoff);
        }
        List<Long> expired = new ArrayList<>();
        for (Long day : days.keys()) {
            if (day + DAY <= now - DAY - BASELINE) {
                expired.add(day);
            }
        }
        for (Long day : expired) {
            days.remove(day);
        }
    }

    private boolean hasHoursFrom(long from) throws Exception {
        for (Long start : hours.keys()) {
            if (start >= from) {
                return true;
            }
        }
        return false;
    }

    private void forget(Tuple3<String, String, String> key, long time, Collector<AlertEvent> out)
            throws Exception {
        for (ValueState<Streak> streak : List.of(medianStreak, qcvnStreak)) {
            Streak s = streak.value();
            if (s != null && s.open()) {
                LOG.info(
                        "Closing {} alert of {}: no data for {} days",
                        kindOf(streak),
                        key,
                        QUIET_AFTER / DAY);
                out.collect(
                        AlertEvent.of(
                                AlertEvent.Action.CLOSE,
                                kindOf(streak),
                                key.f0,
                                key.f1,
                                key.f2,
                                time));
            }
            streak.clear();
        }
        hours.clear();
        days.clear();
        rolledUpTo.clear();
        nextEvaluation.clear();
        cleanupAt.clear();
    }

    private AlertEvent.Kind kindOf(ValueState<Streak> streak) {
        return streak == medianStreak ? AlertEvent.Kind.MEDIAN_DROP : AlertEvent.Kind.BELOW_QCVN;
    }

    /** False (with a warning) for an aggregate whose download sketch cannot be read. */
    private static boolean readable(QualityAggregate agg, Context ctx) {
        try {
            QualitySketch.fromBytes(agg.downloadSketch);
            return true;
        } catch (IllegalArgumentException e) {
            LOG.warn(
                    "Alerts of {} skip hour {}: {}",
                    ctx.getCurrentKey(),
                    agg.bucketStartMillis,
                    e.getMessage());
            return false;
        }
    }

    /** Only what the rules read: the download sketch and the counts. */
    private static QualityAggregate slim(QualityAggregate agg) {
        QualityAggregate h = new QualityAggregate();
        h.resolution = agg.resolution;
        h.bucketStartMillis = agg.bucketStartMillis;
        h.sampleCount = agg.sampleCount;
        h.qcvnEvaluatedCount = agg.qcvnEvaluatedCount;
        h.belowQcvnCount = agg.belowQcvnCount;
        h.downloadSketch = agg.downloadSketch;
        h.finalResult = true;
        return h;
    }

    private static Double median(DDSketch sketch) {
        double m = QualitySketch.quantile(sketch, 0.5);
        return Double.isNaN(m) ? null : m;
    }

    private static void schedule(Context ctx, ValueState<Long> slot, long at) throws Exception {
        ctx.timerService().registerEventTimeTimer(at);
        slot.update(at);
    }

    private <T> ValueState<T> value(String name, TypeInformation<T> type, StateTtlConfig ttl) {
        ValueStateDescriptor<T> d = new ValueStateDescriptor<>(name, type);
        d.enableTimeToLive(ttl);
        return getRuntimeContext().getState(d);
    }
}
