package vn.speedwatch.reports;

import com.datadoghq.sketch.ddsketch.DDSketch;
import vn.speedwatch.model.QualitySketch;

/** The three sketches of a day row, decoded once; null where the row had none. */
record DaySketches(DDSketch download, DDSketch upload, DDSketch latency) {

    /**
     * Decodes the row's sketches.
     *
     * @throws IllegalArgumentException when a sketch is not one {@link QualitySketch} wrote
     */
    static DaySketches of(DayRow row) {
        return new DaySketches(
                decode(row.downloadSketch()),
                decode(row.uploadSketch()),
                decode(row.latencySketch()));
    }

    private static DDSketch decode(byte[] bytes) {
        return bytes == null || bytes.length == 0 ? null : QualitySketch.fromBytes(bytes);
    }
}
