package vn.speedwatch.jobs.functions;

import java.time.Duration;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.tuple.Tuple3;
import org.apache.flink.streaming.api.datastream.DataStream;
import vn.speedwatch.jobs.records.EnrichedMeasurement;
import vn.speedwatch.jobs.records.HeatmapCell;

/**
 * The heatmap part of the quality pipeline: measurements with a heatmap cell, per quadkey ×
 * operator × access type × Asia/Ho_Chi_Minh day of measurement, aggregated incrementally into
 * sketches and device counts, and emitted only for cells with at least k distinct devices
 * (k-anonymity). Erasures are subtracted from the day of the measurement they remove; a cell
 * published earlier that an erasure takes below k is emitted once more as withdrawn, so the writer
 * deletes it.
 */
public final class HeatmapStage {

    /** Quadkey, operator code, access type name. */
    public static final TypeInformation<Tuple3<String, String, String>> KEY_TYPE =
            Types.TUPLE(Types.STRING, Types.STRING, Types.STRING);

    /** A day's cells are re-emitted for late measurements this long after the day ends. */
    public static final Duration DEFAULT_ALLOWED_LATENESS = Duration.ofDays(1);

    /** How often a day still open is published again while measurements arrive. */
    public static final Duration DEFAULT_EARLY_FIRE = Duration.ofMinutes(10);

    private HeatmapStage() {}

    /** Heatmap cells of the given measurements, with the default lateness and early firing. */
    public static DataStream<HeatmapCell> attach(
            DataStream<EnrichedMeasurement> capped, int minDevices) {
        return attach(capped, minDevices, DEFAULT_ALLOWED_LATENESS, DEFAULT_EARLY_FIRE);
    }

    /**
     * Heatmap cells of the given measurements: emitted when the day ends, every {@code earlyFire}
     * of processing time before while it changes, and again for each late measurement within {@code
     * allowedLateness}. The warehouse upserts, so each emission replaces the last.
     */
    public static DataStream<HeatmapCell> attach(
            DataStream<EnrichedMeasurement> capped,
            int minDevices,
            Duration allowedLateness,
            Duration earlyFire) {
        if (minDevices < 1) {
            throw new IllegalArgumentException("minDevices must be at least 1, was " + minDevices);
        }
        return capped.filter(HeatmapStage::isMappable)
                .name("Heatmap: located measurements of known devices")
                .uid("heatmap-located")
                .keyBy(HeatmapStage::key, KEY_TYPE)
                .window(new MeasuredAtWindows(Buckets.DAY, earlyFire.toMillis()))
                .allowedLateness(allowedLateness)
                .aggregate(
                        new AggregateHeatmapCell(),
                        new EmitHeatmapCell(minDevices),
                        TypeInformation.of(QualityAccumulator.class),
                        TypeInformation.of(HeatmapCell.class),
                        TypeInformation.of(HeatmapCell.class))
                .name("Heatmap cells per day")
                // v2: the window state became a QualityAccumulator; a savepoint of the byte-array
                // accumulator cannot be read into it, so the launcher leaves that state unclaimed.
                .uid("heatmap-cells-v2");
    }

    /**
     * A measurement goes on the map only with a cell and a device hash: without the hash its device
     * cannot be counted, and k-anonymity could not be guaranteed.
     */
    static boolean isMappable(EnrichedMeasurement m) {
        return m.quadkey != null
                && !m.quadkey.isEmpty()
                && m.deviceHash != null
                && m.operator != null
                && m.accessType != null;
    }

    /** Quadkey, operator code, access type name. */
    static Tuple3<String, String, String> key(EnrichedMeasurement m) {
        return Tuple3.of(m.quadkey, m.operator, m.accessType);
    }
}
