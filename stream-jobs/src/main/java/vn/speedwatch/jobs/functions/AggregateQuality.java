package vn.speedwatch.jobs.functions;

import org.apache.flink.api.common.functions.AggregateFunction;
import vn.speedwatch.jobs.records.EnrichedMeasurement;
import vn.speedwatch.jobs.records.QualityAggregate;
import vn.speedwatch.model.QualitySketch;
import vn.speedwatch.warehouse.DeviceSketch;

/**
 * Stage 6: the incremental aggregation of one cell and bucket. The accumulator is the sketch set
 * ({@link QualityAccumulator}); the result carries the statistics, and {@link AttachBucket} adds
 * the cell key and the bucket. The warehouse rebuild and erasure recomputation use the same code.
 */
public class AggregateQuality
        implements AggregateFunction<EnrichedMeasurement, QualityAccumulator, QualityAggregate> {

    private final boolean deviceSketch;

    /**
     * @param resolution {@link Buckets#HOUR} or {@link Buckets#DAY}: only day rows store a device
     *     sketch, and building it hashes every device of the window on each firing, so hour windows
     *     skip it
     */
    public AggregateQuality(String resolution) {
        this.deviceSketch = Buckets.DAY.equals(resolution);
    }

    @Override
    public QualityAccumulator createAccumulator() {
        return new QualityAccumulator();
    }

    @Override
    public QualityAccumulator add(EnrichedMeasurement value, QualityAccumulator acc) {
        return acc.apply(value);
    }

    @Override
    public QualityAggregate getResult(QualityAccumulator acc) {
        return statistics(acc, deviceSketch);
    }

    @Override
    public QualityAccumulator merge(QualityAccumulator a, QualityAccumulator b) {
        return a.merge(b);
    }

    /**
     * The statistics of an accumulator, without key and bucket; {@code withDeviceSketch} adds the
     * device sketch, which only day rows keep.
     */
    public static QualityAggregate statistics(QualityAccumulator acc, boolean withDeviceSketch) {
        QualityAggregate q = new QualityAggregate();
        q.sampleCount = acc.count;
        q.deviceCount = acc.devices.size();
        q.qcvnEvaluatedCount = acc.qcvnEvaluated;
        q.belowQcvnCount = acc.belowQcvn;
        q.target2030EvaluatedCount = acc.target2030Evaluated;
        q.target2030PassCount = acc.target2030Pass;
        q.planGigabitCount = acc.planGigabit;
        q.ipKnownCount = acc.ipKnown;
        q.ipv6Count = acc.ipv6;
        // From the exact device map, so erased devices leave the sketch too.
        if (withDeviceSketch) {
            q.deviceSketch = DeviceSketch.of(acc.devices.keySet()).toBytes();
        }
        if (acc.count > 0) {
            q.downloadMean = acc.downloadSum / acc.count;
            q.uploadMean = acc.uploadSum / acc.count;
            q.latencyMean = acc.latencySum / acc.count;
            q.downloadMedian = quantile(acc.download, 0.5);
            q.downloadP10 = quantile(acc.download, 0.1);
            q.downloadP90 = quantile(acc.download, 0.9);
            q.uploadMedian = quantile(acc.upload, 0.5);
            q.uploadP10 = quantile(acc.upload, 0.1);
            q.uploadP90 = quantile(acc.upload, 0.9);
            q.latencyMedian = quantile(acc.latency, 0.5);
            q.latencyP10 = quantile(acc.latency, 0.1);
            q.latencyP90 = quantile(acc.latency, 0.9);
        }
        q.downloadSketch = QualitySketch.toBytes(acc.download);
        q.uploadSketch = QualitySketch.toBytes(acc.upload);
        q.latencySketch = QualitySketch.toBytes(acc.latency);
        return q;
    }

    private static double quantile(com.datadoghq.sketch.ddsketch.DDSketch s, double q) {
        Double v = SketchMath.quantileOrNull(s, q);
        return v == null ? 0 : v;
    }
}
