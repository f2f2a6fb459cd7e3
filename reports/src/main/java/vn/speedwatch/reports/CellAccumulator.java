package vn.speedwatch.reports;

import com.datadoghq.sketch.ddsketch.DDSketch;
import vn.speedwatch.model.QualitySketch;

/**
 * Merges day rows into {@link CellStats}: sums counts, weights means by sample count and merges the
 * serialized sketches, so months are exact without re-reading raw measurements.
 */
final class CellAccumulator {

    private long samples;
    private long deviceDays;
    private final WeightedMean download = new WeightedMean();
    private final WeightedMean upload = new WeightedMean();
    private final WeightedMean latency = new WeightedMean();
    private long evaluated;
    private long below;
    private DDSketch downloadSketch;
    private DDSketch uploadSketch;
    private DDSketch latencySketch;

    /** Adds a row whose sketches were decoded once by the caller (decoding dominates the cost). */
    void add(DayRow row, DaySketches sketches) {
        samples += row.sampleCount();
        deviceDays += row.deviceCount();
        download.add(row.downloadMean(), row.sampleCount());
        upload.add(row.uploadMean(), row.sampleCount());
        latency.add(row.latencyMean(), row.sampleCount());
        evaluated += row.qcvnEvaluated();
        below += row.belowQcvn();
        downloadSketch = merge(downloadSketch, sketches.download());
        uploadSketch = merge(uploadSketch, sketches.upload());
        latencySketch = merge(latencySketch, sketches.latency());
    }

    CellStats stats() {
        return new CellStats(
                samples,
                deviceDays,
                download.value(),
                quantile(downloadSketch, 0.5),
                quantile(downloadSketch, 0.1),
                upload.value(),
                quantile(uploadSketch, 0.5),
                latency.value(),
                quantile(latencySketch, 0.5),
                evaluated,
                below);
    }

    private static DDSketch merge(DDSketch into, DDSketch day) {
        if (day == null) {
            return into;
        }
        DDSketch target = into == null ? QualitySketch.create() : into;
        target.mergeWith(day);
        return target;
    }

    private static Double quantile(DDSketch sketch, double q) {
        return sketch == null || sketch.isEmpty() ? null : sketch.getValueAtQuantile(q);
    }

    /** A mean of means, each weighted by its sample count; rows without a mean are skipped. */
    private static final class WeightedMean {
        private double sum;
        private long weight;

        void add(Double mean, long count) {
            if (mean != null && count > 0) {
                sum += mean * count;
                weight += count;
            }
        }

        Double value() {
            return weight == 0 ? null : sum / weight;
        }
    }
}
