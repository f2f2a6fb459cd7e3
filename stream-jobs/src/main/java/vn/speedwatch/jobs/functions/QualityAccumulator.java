package vn.speedwatch.jobs.functions;

import com.datadoghq.sketch.ddsketch.DDSketch;

import org.apache.flink.api.common.typeinfo.TypeInfo;

import vn.speedwatch.jobs.records.EnrichedMeasurement;
import vn.speedwatch.model.QualitySketch;

import java.util.HashMap;
import java.util.Map;

/**
 * The running quality of one cell and bucket: three DDSketches, sums for the means, counts, QCVN
 * counts and samples per device. Holds no raw event, so window state stays small.
 *
 * <p>Flink serializes it with {@link QualityAccumulatorSerializer} (sketches in the {@link
 * QualitySketch} encoding), declared by the {@link TypeInfo} annotation, so no Kryo is involved and
 * the sketches are encoded only when state is snapshotted, not on every sample.
 */
@TypeInfo(QualityAccumulatorSerializer.Factory.class)
public class QualityAccumulator {
    long count;
    double downloadSum;
    double uploadSum;
    double latencySum;
    long qcvnEvaluated;
    long belowQcvn;

    /** Samples per device hash, so an erasure knows whether the device still counts. */
    Map<String, Integer> devices = new HashMap<>();

    DDSketch download = QualitySketch.create();
    DDSketch upload = QualitySketch.create();
    DDSketch latency = QualitySketch.create();

    public QualityAccumulator() {}

    /** Adds a measurement, or removes it when it is an erasure. */
    public QualityAccumulator apply(EnrichedMeasurement m) {
        if (m.erasure && count == 0) {
            return this;
        }
        int sign = m.erasure ? -1 : 1;
        count += sign;
        downloadSum += sign * m.downloadMbps;
        uploadSum += sign * m.uploadMbps;
        latencySum += sign * m.latencyMs;
        if (m.qcvnPass != null) {
            qcvnEvaluated += sign;
            belowQcvn += m.qcvnPass ? 0 : sign;
        }
        if (m.deviceHash != null) {
            devices.merge(m.deviceHash, sign, (a, b) -> a + b == 0 ? null : a + b);
        }
        if (m.erasure) {
            download = SketchMath.remove(download, m.downloadMbps);
            upload = SketchMath.remove(upload, m.uploadMbps);
            latency = SketchMath.remove(latency, m.latencyMs);
        } else {
            QualitySketch.add(download, m.downloadMbps);
            QualitySketch.add(upload, m.uploadMbps);
            QualitySketch.add(latency, m.latencyMs);
        }
        return this;
    }

    /** Adds everything of {@code other} to this accumulator. */
    public QualityAccumulator merge(QualityAccumulator other) {
        count += other.count;
        downloadSum += other.downloadSum;
        uploadSum += other.uploadSum;
        latencySum += other.latencySum;
        qcvnEvaluated += other.qcvnEvaluated;
        belowQcvn += other.belowQcvn;
        other.devices.forEach((k, v) -> devices.merge(k, v, Integer::sum));
        download.mergeWith(other.download);
        upload.mergeWith(other.upload);
        latency.mergeWith(other.latency);
        return this;
    }

    /** A deep copy: state backends copy accumulators on snapshot. */
    public QualityAccumulator copy() {
        QualityAccumulator c = new QualityAccumulator();
        c.count = count;
        c.downloadSum = downloadSum;
        c.uploadSum = uploadSum;
        c.latencySum = latencySum;
        c.qcvnEvaluated = qcvnEvaluated;
        c.belowQcvn = belowQcvn;
        c.devices = new HashMap<>(devices);
        c.download = download.copy();
        c.upload = upload.copy();
        c.latency = latency.copy();
        return c;
    }

    public long count() {
        return count;
    }
}
