package vn.speedwatch.jobs.testing;

import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import vn.speedwatch.jobs.records.RawEvent;
import vn.speedwatch.jobs.sources.EventSource;

/**
 * The given records in order, from one source subtask, pausing before the records named in {@code
 * pauseBefore} until {@code drained} holds and then {@code pauseMillis} more, so the watermarks of
 * the records before them reach every window first (that is what makes them late). A fixed sleep
 * alone was not enough on a loaded machine: the records ahead of the pause were still queued.
 */
public record BoundedSource(
        List<RawEvent> records,
        Set<String> pauseBefore,
        Drained drained,
        long pauseMillis,
        MapFunction<RawEvent, RawEvent> extra)
        implements EventSource {

    /** Whether the records before a pause have gone through the pipeline (polled while paused). */
    @FunctionalInterface
    public interface Drained extends Serializable {
        boolean test() throws Exception;
    }

    public BoundedSource(List<RawEvent> records) {
        this(records, Set.of(), () -> true, 0, null);
    }

    @Override
    public DataStream<RawEvent> attach(StreamExecutionEnvironment env) {
        // Positions like the offsets of a one-partition topic: a replayed record is the same one.
        List<RawEvent> positioned = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            RawEvent r = records.get(i);
            positioned.add(
                    new RawEvent(
                            r.key,
                            r.payload,
                            r.sourceRef != null ? r.sourceRef : "test-records/" + i));
        }
        DataStream<RawEvent> s =
                env.fromData(positioned, TypeInformation.of(RawEvent.class))
                        .setParallelism(1)
                        .name("Test records")
                        .uid("test-records")
                        .map(new Pause(pauseBefore, drained, pauseMillis))
                        .setParallelism(1)
                        .name("Pause")
                        .uid("test-pause");
        if (extra != null) {
            s = s.map(extra).setParallelism(1).name("Test fault").uid("test-fault");
        }
        return s;
    }

    /** Waits before marked records. */
    static final class Pause implements MapFunction<RawEvent, RawEvent> {
        private static final Duration MAX_WAIT = Duration.ofMinutes(2);

        private final Set<String> keys;
        private final Drained drained;
        private final long millis;

        Pause(Set<String> keys, Drained drained, long millis) {
            this.keys = Set.copyOf(keys);
            this.drained = drained;
            this.millis = millis;
        }

        @Override
        public RawEvent map(RawEvent e) throws Exception {
            if (keys.contains(e.key)) {
                long deadline = System.nanoTime() + MAX_WAIT.toNanos();
                while (!drained.test()) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException(
                                "the records before " + e.key + " did not drain in " + MAX_WAIT);
                    }
                    Thread.sleep(100);
                }
                Thread.sleep(millis);
            }
            return e;
        }
    }
}
