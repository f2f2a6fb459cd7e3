package vn.speedwatch.jobs.sinks;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.speedwatch.jobs.records.HeatmapCell;
import vn.speedwatch.warehouse.HeatmapCellRow;
import vn.speedwatch.warehouse.HeatmapRepository;

/**
 * Upserts heatmap cells into {@code heatmap_cells}, keyed by quadkey, operator, access type and
 * day, so a replayed batch or a later firing of the same day replaces the row; a withdrawn cell
 * (fallen below k devices) deletes it. Only the last version of a cell in a batch counts; a cell
 * the table would refuse is logged and skipped.
 */
public final class HeatmapWriter implements BatchWriter<HeatmapCell> {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(HeatmapWriter.class);

    @Override
    public void write(DataSource ds, List<HeatmapCell> batch) {
        Map<String, HeatmapCell> latest = new LinkedHashMap<>();
        for (HeatmapCell cell : batch) {
            latest.put(
                    cell.quadkey
                            + '|'
                            + cell.operator
                            + '|'
                            + cell.accessType
                            + '|'
                            + cell.dayStartMillis,
                    cell);
        }
        HeatmapRepository cells = new HeatmapRepository(ds);
        List<HeatmapCellRow> rows = new ArrayList<>();
        for (HeatmapCell cell : latest.values()) {
            if (cell.withdrawn) {
                cells.delete(
                        cell.quadkey,
                        cell.operator,
                        cell.accessType,
                        Instant.ofEpochMilli(cell.dayStartMillis));
                continue;
            }
            try {
                rows.add(row(cell));
            } catch (IllegalArgumentException | NullPointerException e) {
                LOG.warn("Heatmap cell not written, invalid: {} ({})", cell, e.getMessage());
            }
        }
        if (!rows.isEmpty()) {
            cells.upsert(rows);
        }
    }

    static HeatmapCellRow row(HeatmapCell c) {
        return new HeatmapCellRow(
                Instant.ofEpochMilli(c.dayStartMillis),
                c.quadkey,
                c.operator,
                c.accessType,
                c.centerLat,
                c.centerLon,
                c.sampleCount,
                c.deviceCount,
                c.downloadMedian,
                c.downloadP10,
                c.uploadMedian,
                c.latencyMedian,
                c.belowQcvnShare);
    }
}
