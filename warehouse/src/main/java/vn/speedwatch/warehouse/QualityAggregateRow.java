package vn.speedwatch.warehouse;

import static vn.speedwatch.warehouse.Require.finiteOrNull;
import static vn.speedwatch.warehouse.Require.notNegative;
import static vn.speedwatch.warehouse.Require.oneOf;
import static vn.speedwatch.warehouse.Require.present;
import static vn.speedwatch.warehouse.Require.text;

import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import java.util.Set;

/**
 * One row of {@code quality_aggregates}: quality of one TDP × operator × access type in one hour or
 * day bucket. The three sketches are serialized DDSketches that merge exactly into longer buckets;
 * {@code targets} are the additive counts of the 2030-target and IPv6 panels; {@code deviceSketch}
 * is the {@link DeviceSketch} of the bucket's devices (day rows; null on hour rows). Equality
 * compares the sketch bytes, not the array identities.
 */
public record QualityAggregateRow(
        String resolution,
        Instant bucketStart,
        String tdpCode,
        String operator,
        String accessType,
        long sampleCount,
        int deviceCount,
        Double downloadMean,
        Double downloadMedian,
        Double downloadP10,
        Double downloadP90,
        Double uploadMean,
        Double uploadMedian,
        Double uploadP10,
        Double uploadP90,
        Double latencyMean,
        Double latencyMedian,
        Double latencyP10,
        Double latencyP90,
        long qcvnEvaluatedCount,
        long belowQcvnCount,
        Double belowQcvnShare,
        byte[] downloadSketch,
        byte[] uploadSketch,
        byte[] latencySketch,
        TargetCounts targets,
        byte[] deviceSketch) {

    public static final String HOUR = "hour";
    public static final String DAY = "day";
    private static final String T = "quality_aggregates";

    public QualityAggregateRow {
        oneOf(resolution, Set.of(HOUR, DAY), T, "resolution");
        present(bucketStart, T, "bucket_start");
        text(tdpCode, T, "tdp_code");
        text(operator, T, "operator");
        text(accessType, T, "access_type");
        notNegative(sampleCount, T, "sample_count");
        notNegative(deviceCount, T, "device_count");
        for (Double d :
                new Double[] {
                    downloadMean,
                    downloadMedian,
                    downloadP10,
                    downloadP90,
                    uploadMean,
                    uploadMedian,
                    uploadP10,
                    uploadP90,
                    latencyMean,
                    latencyMedian,
                    latencyP10,
                    latencyP90,
                    belowQcvnShare
                }) {
            finiteOrNull(d, T, "statistic");
        }
        notNegative(qcvnEvaluatedCount, T, "qcvn_evaluated_count");
        notNegative(belowQcvnCount, T, "below_qcvn_count");
        if (belowQcvnCount > qcvnEvaluatedCount) {
            throw new IllegalArgumentException(
                    T
                            + ".below_qcvn_count ("
                            + belowQcvnCount
                            + ") exceeds qcvn_evaluated_count ("
                            + qcvnEvaluatedCount
                            + ")");
        }
        present(targets, T, "target counts");
        if (deviceSketch != null && deviceSketch.length != DeviceSketch.BYTES) {
            throw new IllegalArgumentException(
                    T
                            + ".device_sketch must have "
                            + DeviceSketch.BYTES
                            + " bytes, got "
                            + deviceSketch.length);
        }
    }

    /** A row without target counts and device sketch (rows written before migration V13). */
    public QualityAggregateRow(
            String resolution,
            Instant bucketStart,
            String tdpCode,
            String operator,
            String accessType,
            long sampleCount,
            int deviceCount,
            Double downloadMean,
            Double downloadMedian,
            Double downloadP10,
            Double downloadP90,
            Double uploadMean,
            Double uploadMedian,
            Double uploadP10,
            Double uploadP90,
            Double latencyMean,
            Double latencyMedian,
            Double latencyP10,
            Double latencyP90,
            long qcvnEvaluatedCount,
            long belowQcvnCount,
            Double belowQcvnShare,
            byte[] downloadSketch,
            byte[] uploadSketch,
            byte[] latencySketch) {
        this(
                resolution,
                bucketStart,
                tdpCode,
                operator,
                accessType,
                sampleCount,
                deviceCount,
                downloadMean,
                downloadMedian,
                downloadP10,
                downloadP90,
                uploadMean,
                uploadMedian,
                uploadP10,
                uploadP90,
                latencyMean,
                latencyMedian,
                latencyP10,
                latencyP90,
                qcvnEvaluatedCount,
                belowQcvnCount,
                belowQcvnShare,
                downloadSketch,
                uploadSketch,
                latencySketch,
                TargetCounts.NONE,
                null);
    }

    /**
     * Counts of one bucket that the 2030-target and IPv6 panels sum: samples with a 2030-target
     * verdict and those meeting it, samples on a plan of at least 1000 Mbit/s, samples with a known
     * IP version and those over IPv6.
     */
    public record TargetCounts(
            long target2030Evaluated,
            long target2030Pass,
            long planGigabit,
            long ipKnown,
            long ipv6) {

        public static final TargetCounts NONE = new TargetCounts(0, 0, 0, 0, 0);

        public TargetCounts {
            notNegative(target2030Evaluated, T, "target_2030_evaluated_count");
            notNegative(target2030Pass, T, "target_2030_pass_count");
            notNegative(planGigabit, T, "plan_gigabit_count");
            notNegative(ipKnown, T, "ip_known_count");
            notNegative(ipv6, T, "ipv6_count");
            atMost(
                    target2030Pass,
                    "target_2030_pass_count",
                    target2030Evaluated,
                    "target_2030_evaluated_count");
            atMost(ipv6, "ipv6_count", ipKnown, "ip_known_count");
        }

        private static void atMost(long part, String partName, long whole, String wholeName) {
            if (part > whole) {
                throw new IllegalArgumentException(
                        T
                                + "."
                                + partName
                                + " ("
                                + part
                                + ") exceeds "
                                + wholeName
                                + " ("
                                + whole
                                + ")");
            }
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof QualityAggregateRow r
                && Objects.equals(key(), r.key())
                && sampleCount == r.sampleCount
                && deviceCount == r.deviceCount
                && Objects.equals(statistics(), r.statistics())
                && qcvnEvaluatedCount == r.qcvnEvaluatedCount
                && belowQcvnCount == r.belowQcvnCount
                && Arrays.equals(downloadSketch, r.downloadSketch)
                && Arrays.equals(uploadSketch, r.uploadSketch)
                && Arrays.equals(latencySketch, r.latencySketch)
                && targets.equals(r.targets)
                && Arrays.equals(deviceSketch, r.deviceSketch);
    }

    @Override
    public int hashCode() {
        return Objects.hash(key(), sampleCount, deviceCount, statistics(), targets);
    }

    @Override
    public String toString() {
        return "QualityAggregateRow"
                + key()
                + " n="
                + sampleCount
                + " devices="
                + deviceCount
                + " stats="
                + statistics()
                + " qcvn="
                + belowQcvnCount
                + "/"
                + qcvnEvaluatedCount
                + " "
                + targets
                + (deviceSketch == null ? "" : " deviceSketch");
    }

    private java.util.List<Object> key() {
        return Arrays.asList(resolution, bucketStart, tdpCode, operator, accessType);
    }

    private java.util.List<Double> statistics() {
        return Arrays.asList(
                downloadMean,
                downloadMedian,
                downloadP10,
                downloadP90,
                uploadMean,
                uploadMedian,
                uploadP10,
                uploadP90,
                latencyMean,
                latencyMedian,
                latencyP10,
                latencyP90,
                belowQcvnShare);
    }
}
