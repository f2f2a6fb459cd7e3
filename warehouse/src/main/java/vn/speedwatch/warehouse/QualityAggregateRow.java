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
 * day bucket. The three sketches are serialized DDSketches that merge exactly into longer buckets.
 * Equality compares the sketch bytes, not the array identities.
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
        byte[] latencySketch) {

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
        for (Double d : new Double[] {downloadMean, downloadMedian, downloadP10, downloadP90,
                uploadMean, uploadMedian, uploadP10, uploadP90, latencyMean, latencyMedian,
                latencyP10, latencyP90, belowQcvnShare}) {
            finiteOrNull(d, T, "statistic");
        }
        notNegative(qcvnEvaluatedCount, T, "qcvn_evaluated_count");
        notNegative(belowQcvnCount, T, "below_qcvn_count");
        if (belowQcvnCount > qcvnEvaluatedCount) {
            throw new IllegalArgumentException(T + ".below_qcvn_count (" + belowQcvnCount
                    + ") exceeds qcvn_evaluated_count (" + qcvnEvaluatedCount + ")");
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
                && Arrays.equals(latencySketch, r.latencySketch);
    }

    @Override
    public int hashCode() {
        return Objects.hash(key(), sampleCount, deviceCount, statistics());
    }

    @Override
    public String toString() {
        return "QualityAggregateRow" + key() + " n=" + sampleCount + " devices=" + deviceCount
                + " stats=" + statistics() + " qcvn=" + belowQcvnCount + "/"
                + qcvnEvaluatedCount;
    }

    private java.util.List<Object> key() {
        return Arrays.asList(resolution, bucketStart, tdpCode, operator, accessType);
    }

    private java.util.List<Double> statistics() {
        return Arrays.asList(downloadMean, downloadMedian, downloadP10, downloadP90, uploadMean,
                uploadMedian, uploadP10, uploadP90, latencyMean, latencyMedian, latencyP10,
                latencyP90, belowQcvnShare);
    }
}
