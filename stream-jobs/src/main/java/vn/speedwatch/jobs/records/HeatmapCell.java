package vn.speedwatch.jobs.records;

/**
 * Quality of one heatmap grid cell (quadkey at zoom 17, ~250–300 m here) for one operator × access
 * type × day, as the heatmap stage emits it and {@code heatmap_cells} stores it. Only cells with at
 * least k distinct devices are ever emitted, so no single home can be singled out.
 *
 * <p>A Flink POJO: public no-argument constructor and public fields. Numbers that need a sample to
 * exist are nullable.
 */
public class HeatmapCell {
    /** Start of the Asia/Ho_Chi_Minh day (17:00 UTC of the day before). */
    public long dayStartMillis;

    public String quadkey;

    /** {@code Operator} code. */
    public String operator;

    /** {@code AccessType} name. */
    public String accessType;

    public double centerLat;
    public double centerLon;
    public long sampleCount;
    public int deviceCount;
    public Double downloadMedian;
    public Double downloadP10;
    public Double uploadMedian;
    public Double latencyMedian;

    /** Share of QCVN-evaluated samples below the threshold; null when none was evaluated. */
    public Double belowQcvnShare;

    /**
     * True when a cell published earlier fell below k devices (an erasure): its row must go, and
     * only its key and day matter.
     */
    public boolean withdrawn;

    public HeatmapCell() {}

    @Override
    public String toString() {
        return "HeatmapCell{"
                + quadkey
                + " "
                + operator
                + " "
                + accessType
                + " day="
                + java.time.Instant.ofEpochMilli(dayStartMillis)
                + " samples="
                + sampleCount
                + " devices="
                + deviceCount
                + " downloadMedian="
                + downloadMedian
                + (withdrawn ? " withdrawn" : "")
                + "}";
    }
}
