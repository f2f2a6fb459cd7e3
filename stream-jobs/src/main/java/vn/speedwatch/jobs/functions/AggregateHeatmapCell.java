package vn.speedwatch.jobs.functions;

import org.apache.flink.api.common.functions.AggregateFunction;
import vn.speedwatch.jobs.records.EnrichedMeasurement;
import vn.speedwatch.jobs.records.HeatmapCell;

/**
 * Folds the measurements of one heatmap cell × day into a {@link QualityAccumulator} — the same
 * DDSketches of download, upload and latency, QCVN counts and samples per device as the quality
 * aggregates — never keeping a raw measurement; an erasure is subtracted again. The result carries
 * the statistics only; {@link EmitHeatmapCell} adds the key and day and applies k-anonymity.
 *
 * <p>The sketches stay live objects in window state and are encoded only when state is snapshotted;
 * encoding them for every sample cost more than the rest of the heatmap stage.
 */
public class AggregateHeatmapCell
        implements AggregateFunction<EnrichedMeasurement, QualityAccumulator, HeatmapCell> {

    private static final long serialVersionUID = 1L;

    @Override
    public QualityAccumulator createAccumulator() {
        return new QualityAccumulator();
    }

    @Override
    public QualityAccumulator add(EnrichedMeasurement m, QualityAccumulator acc) {
        return acc.apply(m);
    }

    @Override
    public HeatmapCell getResult(QualityAccumulator acc) {
        HeatmapCell cell = new HeatmapCell();
        cell.sampleCount = acc.count;
        cell.deviceCount = acc.devices.size();
        if (acc.count > 0) {
            cell.downloadMedian = SketchMath.quantileOrNull(acc.download, 0.5);
            cell.downloadP10 = SketchMath.quantileOrNull(acc.download, 0.1);
            cell.uploadMedian = SketchMath.quantileOrNull(acc.upload, 0.5);
            cell.latencyMedian = SketchMath.quantileOrNull(acc.latency, 0.5);
        }
        cell.belowQcvnShare =
                acc.qcvnEvaluated <= 0 ? null : (double) acc.belowQcvn / acc.qcvnEvaluated;
        return cell;
    }

    @Override
    public QualityAccumulator merge(QualityAccumulator a, QualityAccumulator b) {
        return a.copy().merge(b);
    }
}
