package vn.speedwatch.jobs.records;

/**
 * Quality of one TDP × operator × access type over one bucket (an hour or a day), as the window
 * aggregation emits it. Sketches are serialized DDSketches ({@code
 * vn.speedwatch.model.QualitySketch}) so hours merge into days and days into months exactly.
 *
 * <p>{@link #finalResult} is false for early (freshness) firings while the window is still open and
 * true once the watermark has passed the window end; late firings re-emit a final result.
 */
public class QualityAggregate {
    /** "hour" or "day". */
    public String resolution;

    public long bucketStartMillis;
    public String tdpCode;
    public String operator;
    public String accessType;
    public long sampleCount;
    public int deviceCount;
    public double downloadMean;
    public double downloadMedian;
    public double downloadP10;
    public double downloadP90;
    public double uploadMean;
    public double uploadMedian;
    public double uploadP10;
    public double uploadP90;
    public double latencyMean;
    public double latencyMedian;
    public double latencyP10;
    public double latencyP90;
    public long qcvnEvaluatedCount;
    public long belowQcvnCount;
    public byte[] downloadSketch;
    public byte[] uploadSketch;
    public byte[] latencySketch;
    public long target2030EvaluatedCount;
    public long target2030PassCount;

    /** Samples on a plan of at least 1000 Mbit/s. */
    public long planGigabitCount;

    public long ipKnownCount;
    public long ipv6Count;

    /**
     * {@code vn.speedwatch.warehouse.DeviceSketch} of the bucket's devices: the dashboards merge
     * day sketches to count distinct devices over any range. Stored on day rows only.
     */
    public byte[] deviceSketch;

    public boolean finalResult;

    public QualityAggregate() {}

    /** Share of QCVN-evaluated samples below the threshold, or null when none was evaluated. */
    public Double belowQcvnShare() {
        return qcvnEvaluatedCount == 0 ? null : (double) belowQcvnCount / qcvnEvaluatedCount;
    }
}
