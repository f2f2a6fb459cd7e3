package vn.speedwatch.warehouse;

import static vn.speedwatch.warehouse.Require.finite;
import static vn.speedwatch.warehouse.Require.finiteOrNull;
import static vn.speedwatch.warehouse.Require.notNegative;
import static vn.speedwatch.warehouse.Require.present;
import static vn.speedwatch.warehouse.Require.text;

import java.time.Instant;

/**
 * One row of {@code heatmap_cells}: quality of one map tile (quadkey) for one operator × access
 * type on one day. Cells are only written once enough distinct devices contributed.
 */
public record HeatmapCellRow(
        Instant day,
        String quadkey,
        String operator,
        String accessType,
        double centerLat,
        double centerLon,
        long sampleCount,
        int deviceCount,
        Double downloadMedian,
        Double downloadP10,
        Double uploadMedian,
        Double latencyMedian,
        Double belowQcvnShare) {

    private static final String T = "heatmap_cells";

    public HeatmapCellRow {
        present(day, T, "day");
        text(quadkey, T, "quadkey");
        if (!quadkey.chars().allMatch(ch -> ch >= '0' && ch <= '3')) {
            throw new IllegalArgumentException(
                    T + ".quadkey must contain only digits 0-3, got '" + quadkey + "'");
        }
        text(operator, T, "operator");
        text(accessType, T, "access_type");
        finite(centerLat, T, "center_lat");
        finite(centerLon, T, "center_lon");
        notNegative(sampleCount, T, "sample_count");
        notNegative(deviceCount, T, "device_count");
        finiteOrNull(downloadMedian, T, "download_median");
        finiteOrNull(downloadP10, T, "download_p10");
        finiteOrNull(uploadMedian, T, "upload_median");
        finiteOrNull(latencyMedian, T, "latency_median");
        finiteOrNull(belowQcvnShare, T, "below_qcvn_share");
    }
}
