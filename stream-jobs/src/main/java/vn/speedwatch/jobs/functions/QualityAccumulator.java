package vn.speedwatch.jobs.functions;

import com.datadoghq.sketch.ddsketch.DDSketch;
import java.util.HashMap;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.TypeInfo;
import vn.speedwatch.jobs.records.EnrichedMeasurement;
import vn.speedwatch.model.QualitySketch;

/**
 * The running quality of one cell and bucket: three DDSketches, sums for the means, counts, QCVN
 * counts, the 2030-target and IPv6 counts the dashboards sum, and samples per device. Holds no raw
 * event, so window state stays small.
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
    long target2030Evaluated;
    long target2030Pass;
    long planGigabit;
    long ipKnown;
    long ipv6;

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
        countTargets(m, sign);
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

    /** Plans of at least this download rate count as gigabit plans (ward 2030 target). */
    static final double GIGABIT_PLAN_MBPS = 1000;

    private void countTargets(EnrichedMeasurement m, int sign) {
        if (m.target2030Pass != null) {
            target2030Evaluated += sign;
            target2030Pass += m.target2030Pass ? sign : 0;
        }
        if (m.planDownloadMbps != null && m.planDownloadMbps >= GIGABIT_PLAN_MBPS) {
            planGigabit += sign;
        }
        if (m.ipVersion != null) {
            ipKnown += sign;
            ipv6 += m.ipVersion == 6 ? sign : 0;
        }
    }

    /** Adds everything of {@code other} to this accumulator. */
    public QualityAccumulator merge(QualityAccumulator other) {
        count += other.count;
        downloadSum += other.downloadSum;
        uploadSum += other.uploadSum;
        latencySum += other.latencySum;
        qcvnEvaluated += other.qcvnEvaluated;
        belowQcvn += other.belowQcvn;
        target2030Evaluated += other.target2030Evaluated;
        target2030Pass += other.target2030Pass;
        planGigabit += other.planGigabit;
        ipKnown += other.ipKnown;
        ipv6 += other.ipv6;
        // A device whose samples cancel out (an erasure in the other part) no longer counts.
        other.devices.forEach((k, v) -> devices.merge(k, v, (a, b) -> a + b == 0 ? null : a + b));
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
        c.target2030Evaluated = target2030Evaluated;
        c.target2030Pass = target2030Pass;
        c.planGigabit = planGigabit;
        c.ipKnown = ipKnown;
        c.ipv6 = ipv6;
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
