package vn.speedwatch.jobs.functions;

import com.datadoghq.sketch.ddsketch.DDSketch;
import java.util.HashMap;
import java.util.Map;
import org.apache.flink.api.common.functions.AggregateFunction;
import vn.speedwatch.jobs.records.EnrichedMeasurement;
import vn.speedwatch.jobs.records.HeatmapCell;
import vn.speedwatch.model.QualitySketch;

/**
 * Folds the measurements of one heatmap cell × day into DDSketches of download, upload and latency,
 * QCVN counts and samples per device, never keeping a raw measurement; an erasure is subtracted
 * again. The result carries the statistics only; {@link EmitHeatmapCell} adds the key and day and
 * applies k-anonymity.
 */
public class AggregateHeatmapCell
        implements AggregateFunction<
                EnrichedMeasurement, AggregateHeatmapCell.Accumulator, HeatmapCell> {

    private static final long serialVersionUID = 1L;

    /**
     * The window state of one cell × day: serialized sketches (so Flink stores a plain POJO, no
     * Kryo), counts, and samples per device hash (so an erasure knows whether its device still
     * counts). Null sketches mean no sample yet.
     */
    public static class Accumulator {
        public byte[] download;
        public byte[] upload;
        public byte[] latency;
        public long samples;
        public long qcvnEvaluated;
        public long belowQcvn;
        public Map<String, Integer> devices = new HashMap<>();

        public Accumulator() {}
    }

    @Override
    public Accumulator createAccumulator() {
        return new Accumulator();
    }

    @Override
    public Accumulator add(EnrichedMeasurement m, Accumulator acc) {
        if (m.erasure && acc.samples == 0) {
            return acc; // erasing from an empty day: its measurement was never counted here
        }
        int sign = m.erasure ? -1 : 1;
        acc.download = apply(acc.download, m.downloadMbps, m.erasure);
        acc.upload = apply(acc.upload, m.uploadMbps, m.erasure);
        acc.latency = apply(acc.latency, m.latencyMs, m.erasure);
        acc.samples += sign;
        if (m.qcvnPass != null) {
            acc.qcvnEvaluated += sign;
            acc.belowQcvn += m.qcvnPass ? 0 : sign;
        }
        if (m.erasure) {
            acc.devices.computeIfPresent(m.deviceHash, (device, n) -> n > 1 ? n - 1 : null);
        } else {
            acc.devices.merge(m.deviceHash, 1, Integer::sum);
        }
        return acc;
    }

    @Override
    public HeatmapCell getResult(Accumulator acc) {
        HeatmapCell cell = new HeatmapCell();
        cell.sampleCount = acc.samples;
        cell.deviceCount = acc.devices.size();
        if (acc.samples > 0) {
            cell.downloadMedian = quantile(acc.download, 0.5);
            cell.downloadP10 = quantile(acc.download, 0.1);
            cell.uploadMedian = quantile(acc.upload, 0.5);
            cell.latencyMedian = quantile(acc.latency, 0.5);
        }
        cell.belowQcvnShare =
                acc.qcvnEvaluated <= 0 ? null : (double) acc.belowQcvn / acc.qcvnEvaluated;
        return cell;
    }

    @Override
    public Accumulator merge(Accumulator a, Accumulator b) {
        Accumulator m = new Accumulator();
        m.download = merge(a.download, b.download);
        m.upload = merge(a.upload, b.upload);
        m.latency = merge(a.latency, b.latency);
        m.samples = a.samples + b.samples;
        m.qcvnEvaluated = a.qcvnEvaluated + b.qcvnEvaluated;
        m.belowQcvn = a.belowQcvn + b.belowQcvn;
        m.devices.putAll(a.devices);
        b.devices.forEach((device, n) -> m.devices.merge(device, n, Integer::sum));
        return m;
    }

    private static byte[] apply(byte[] bytes, double value, boolean erase) {
        if (!Double.isFinite(value) || value < 0) {
            return bytes; // validation upstream refuses these; a sketch never holds them
        }
        DDSketch sketch = bytes == null ? QualitySketch.create() : QualitySketch.fromBytes(bytes);
        if (erase) {
            sketch = SketchMath.remove(sketch, value);
        } else {
            QualitySketch.add(sketch, value);
        }
        return QualitySketch.toBytes(sketch);
    }

    private static byte[] merge(byte[] a, byte[] b) {
        if (a == null || b == null) {
            return a == null ? b : a;
        }
        return QualitySketch.toBytes(
                QualitySketch.merge(QualitySketch.fromBytes(a), QualitySketch.fromBytes(b)));
    }

    private static Double quantile(byte[] bytes, double q) {
        return bytes == null ? null : SketchMath.quantileOrNull(QualitySketch.fromBytes(bytes), q);
    }
}
