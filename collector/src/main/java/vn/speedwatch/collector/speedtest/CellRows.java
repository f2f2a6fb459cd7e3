package vn.speedwatch.collector.speedtest;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Reads one cell's (TDP × operator × access type) aggregate rows of the comparison window from
 * {@code quality_aggregates}: closed days from the day rows, and the hours after the newest day
 * row, so today's tests count before the day closes.
 */
final class CellRows {

    /** One aggregate row: its counts and serialized DDSketches (any may be null). */
    record Row(
            String resolution,
            Instant bucketStart,
            long samples,
            int devices,
            byte[] download,
            byte[] upload,
            byte[] latency) {}

    static final String SQL =
            """
            SELECT resolution, bucket_start, sample_count, device_count,
                   download_sketch, upload_sketch, latency_sketch
              FROM quality_aggregates
             WHERE tdp_code = ? AND operator = ? AND access_type = ? AND bucket_start >= ?
               AND resolution IN ('hour', 'day')
             ORDER BY bucket_start
            """;

    private final DataSource dataSource;

    CellRows(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The rows to merge: all day rows, plus hour rows later than the last day covered. */
    List<Row> load(String tdp, String operator, String access, Instant from) throws SQLException {
        List<Row> all = query(tdp, operator, access, from);
        Instant daysEnd =
                all.stream()
                        .filter(r -> r.resolution().equals("day"))
                        .map(r -> r.bucketStart().plusSeconds(86_400))
                        .max(Instant::compareTo)
                        .orElse(Instant.MIN);
        return all.stream()
                .filter(r -> r.resolution().equals("day") || !r.bucketStart().isBefore(daysEnd))
                .toList();
    }

    private List<Row> query(String tdp, String operator, String access, Instant from)
            throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(SQL)) {
            ps.setString(1, tdp);
            ps.setString(2, operator);
            ps.setString(3, access);
            ps.setTimestamp(4, Timestamp.from(from));
            List<Row> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(
                            new Row(
                                    rs.getString(1),
                                    rs.getTimestamp(2).toInstant(),
                                    rs.getLong(3),
                                    rs.getInt(4),
                                    rs.getBytes(5),
                                    rs.getBytes(6),
                                    rs.getBytes(7)));
                }
            }
            return rows;
        }
    }
}
