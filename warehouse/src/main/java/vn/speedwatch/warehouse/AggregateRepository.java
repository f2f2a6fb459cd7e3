package vn.speedwatch.warehouse;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;

/**
 * Reads and writes {@code quality_aggregates}, keyed by resolution, TDP, operator, access type and
 * bucket start. Upserts replace the whole row, so replaying a window's result is harmless.
 */
public final class AggregateRepository {

    private final Jdbc jdbc;

    public AggregateRepository(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    /** Inserts or replaces the rows in one transaction; returns the number written. */
    public int upsert(List<QualityAggregateRow> rows) {
        return jdbc.batch(
                "upserting " + rows.size() + " quality aggregates",
                Sql.AGG_UPSERT,
                rows,
                AggregateRepository::bind);
    }

    /** Deletes one bucket's row; returns 1 if it existed, else 0. */
    public int delete(
            String resolution,
            String tdpCode,
            String operator,
            String accessType,
            Instant bucketStart) {
        return jdbc.update(
                "deleting aggregate "
                        + resolution
                        + "/"
                        + tdpCode
                        + "/"
                        + operator
                        + "/"
                        + accessType
                        + "@"
                        + bucketStart,
                Sql.AGG_DELETE,
                resolution,
                tdpCode,
                operator,
                accessType,
                bucketStart);
    }

    /** Rows of one resolution with {@code from <= bucket_start < to}, oldest first. */
    public List<QualityAggregateRow> find(String resolution, Instant from, Instant to) {
        return jdbc.query(
                "finding " + resolution + " aggregates",
                Sql.AGG_FIND,
                AggregateRepository::read,
                resolution,
                from,
                to);
    }

    private static void bind(PreparedStatement ps, QualityAggregateRow r) throws SQLException {
        ps.setString(1, r.resolution());
        Jdbc.setInstant(ps, 2, r.bucketStart());
        ps.setString(3, r.tdpCode());
        ps.setString(4, r.operator());
        ps.setString(5, r.accessType());
        ps.setLong(6, r.sampleCount());
        ps.setInt(7, r.deviceCount());
        Double[] stats = {
            r.downloadMean(),
            r.downloadMedian(),
            r.downloadP10(),
            r.downloadP90(),
            r.uploadMean(),
            r.uploadMedian(),
            r.uploadP10(),
            r.uploadP90(),
            r.latencyMean(),
            r.latencyMedian(),
            r.latencyP10(),
            r.latencyP90()
        };
        for (int i = 0; i < stats.length; i++) {
            Jdbc.setDouble(ps, 8 + i, stats[i]);
        }
        ps.setLong(20, r.qcvnEvaluatedCount());
        ps.setLong(21, r.belowQcvnCount());
        Jdbc.setDouble(ps, 22, r.belowQcvnShare());
        ps.setBytes(23, r.downloadSketch());
        ps.setBytes(24, r.uploadSketch());
        ps.setBytes(25, r.latencySketch());
        QualityAggregateRow.TargetCounts t = r.targets();
        ps.setLong(26, t.target2030Evaluated());
        ps.setLong(27, t.target2030Pass());
        ps.setLong(28, t.planGigabit());
        ps.setLong(29, t.ipKnown());
        ps.setLong(30, t.ipv6());
        ps.setString(31, DeviceSketch.toSqlLiteral(r.deviceSketch()));
    }

    private static QualityAggregateRow read(ResultSet rs) throws SQLException {
        return new QualityAggregateRow(
                rs.getString("resolution"),
                Jdbc.instant(rs, "bucket_start"),
                rs.getString("tdp_code"),
                rs.getString("operator"),
                rs.getString("access_type"),
                rs.getLong("sample_count"),
                rs.getInt("device_count"),
                Jdbc.nullableDouble(rs, "download_mean"),
                Jdbc.nullableDouble(rs, "download_median"),
                Jdbc.nullableDouble(rs, "download_p10"),
                Jdbc.nullableDouble(rs, "download_p90"),
                Jdbc.nullableDouble(rs, "upload_mean"),
                Jdbc.nullableDouble(rs, "upload_median"),
                Jdbc.nullableDouble(rs, "upload_p10"),
                Jdbc.nullableDouble(rs, "upload_p90"),
                Jdbc.nullableDouble(rs, "latency_mean"),
                Jdbc.nullableDouble(rs, "latency_median"),
                Jdbc.nullableDouble(rs, "latency_p10"),
                Jdbc.nullableDouble(rs, "latency_p90"),
                rs.getLong("qcvn_evaluated_count"),
                rs.getLong("below_qcvn_count"),
                Jdbc.nullableDouble(rs, "below_qcvn_share"),
                rs.getBytes("download_sketch"),
                rs.getBytes("upload_sketch"),
                rs.getBytes("latency_sketch"),
                new QualityAggregateRow.TargetCounts(
                        rs.getLong("target_2030_evaluated_count"),
                        rs.getLong("target_2030_pass_count"),
                        rs.getLong("plan_gigabit_count"),
                        rs.getLong("ip_known_count"),
                        rs.getLong("ipv6_count")),
                DeviceSketch.fromSqlText(rs.getString("device_sketch")));
    }
}
