package vn.speedwatch.warehouse;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;

/** Reads and writes {@code heatmap_cells}, keyed by quadkey, operator, access type and day. */
public final class HeatmapRepository {

    private final Jdbc jdbc;

    public HeatmapRepository(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    /** Inserts or replaces the cells in one transaction; returns the number written. */
    public int upsert(List<HeatmapCellRow> rows) {
        return jdbc.batch(
                "upserting " + rows.size() + " heatmap cells",
                Sql.HEATMAP_UPSERT,
                rows,
                HeatmapRepository::bind);
    }

    /**
     * Deletes one cell's row, e.g. when it falls below the minimum number of distinct devices;
     * returns 1 if it existed, else 0.
     */
    public int delete(String quadkey, String operator, String accessType, Instant day) {
        return jdbc.update(
                "deleting heatmap cell " + quadkey + "/" + operator + "/" + accessType + "@" + day,
                Sql.HEATMAP_DELETE,
                quadkey,
                operator,
                accessType,
                day);
    }

    /** The cells of one day, by quadkey. */
    public List<HeatmapCellRow> findDay(Instant day) {
        return jdbc.query(
                "finding heatmap cells of " + day,
                Sql.HEATMAP_FIND_DAY,
                HeatmapRepository::read,
                day);
    }

    private static void bind(PreparedStatement ps, HeatmapCellRow r) throws SQLException {
        Jdbc.setInstant(ps, 1, r.day());
        ps.setString(2, r.quadkey());
        ps.setString(3, r.operator());
        ps.setString(4, r.accessType());
        ps.setDouble(5, r.centerLat());
        ps.setDouble(6, r.centerLon());
        ps.setLong(7, r.sampleCount());
        ps.setInt(8, r.deviceCount());
        Jdbc.setDouble(ps, 9, r.downloadMedian());
        Jdbc.setDouble(ps, 10, r.downloadP10());
        Jdbc.setDouble(ps, 11, r.uploadMedian());
        Jdbc.setDouble(ps, 12, r.latencyMedian());
        Jdbc.setDouble(ps, 13, r.belowQcvnShare());
    }

    private static HeatmapCellRow read(ResultSet rs) throws SQLException {
        return new HeatmapCellRow(
                Jdbc.instant(rs, "day"),
                rs.getString("quadkey"),
                rs.getString("operator"),
                rs.getString("access_type"),
                rs.getDouble("center_lat"),
                rs.getDouble("center_lon"),
                rs.getLong("sample_count"),
                rs.getInt("device_count"),
                Jdbc.nullableDouble(rs, "download_median"),
                Jdbc.nullableDouble(rs, "download_p10"),
                Jdbc.nullableDouble(rs, "upload_median"),
                Jdbc.nullableDouble(rs, "latency_median"),
                Jdbc.nullableDouble(rs, "below_qcvn_share"));
    }
}
