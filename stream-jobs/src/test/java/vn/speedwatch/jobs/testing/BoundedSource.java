package vn.speedwatch.jobs.testing;

import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

import vn.speedwatch.jobs.records.RawEvent;
import vn.speedwatch.jobs.sources.EventSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The given records in order, from one source subtask, pausing before the records named in {@code
 * pauseBefore} so periodic watermarks catch up first (that is what makes them late).
 */
public record BoundedSource(
        List<RawEvent> records,
        Set<String> pauseBefore,
        long pauseMillis,
        MapFunction<RawEvent, RawEvent> extra)
        implements EventSource {

    public BoundedSource(List<RawEvent> records) {
        this(records, Set.of(), 0, null);
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
                        .map(new Pause(pauseBefore, pauseMillis))
                        .setParallelism(1)
                        .name("Pause")
                        .uid("test-pause");
        if (extra != null) {
            s = s.map(extra).setParallelism(1).name("Test fault").uid("test-fault");
        }
        return s;
    }

    /** Sleeps before marked records. */
    static final class Pause implements MapFunction<RawEvent, RawEvent> {
        private final Set<String> keys;
        private final long millis;

        Pause(Set<String> keys, long millis) {
            this.keys = Set.copyOf(keys);
            this.millis = millis;
        }

        @Override
        public RawEvent map(RawEvent e) throws InterruptedException {
            if (keys.contains(e.key)) {
                Thread.sleep(millis);
            }
            return e;
        }
    }
}
