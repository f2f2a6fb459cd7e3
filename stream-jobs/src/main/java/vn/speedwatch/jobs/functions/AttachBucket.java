package vn.speedwatch.jobs.functions;

import org.apache.flink.streaming.api.functions.windowing.ProcessWindowFunction;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;
import org.apache.flink.util.Collector;
import vn.speedwatch.jobs.records.QualityAggregate;

/** Attaches the cell key, resolution and bucket start to the statistics a window produced. */
public class AttachBucket
        extends ProcessWindowFunction<QualityAggregate, QualityAggregate, String, TimeWindow> {

    private final String resolution;

    public AttachBucket(String resolution) {
        this.resolution = resolution;
    }

    @Override
    public void process(
            String key,
            Context context,
            Iterable<QualityAggregate> statistics,
            Collector<QualityAggregate> out) {
        QualityAggregate q = statistics.iterator().next();
        String[] parts = CellKey.split(key);
        q.resolution = resolution;
        q.bucketStartMillis = context.window().getStart();
        q.tdpCode = parts[0];
        q.operator = parts[1];
        q.accessType = parts[2];
        q.finalResult = context.currentWatermark() >= context.window().maxTimestamp();
        out.collect(q);
    }
}
