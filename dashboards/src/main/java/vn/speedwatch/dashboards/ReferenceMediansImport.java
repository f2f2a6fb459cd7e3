package vn.speedwatch.dashboards;

import java.io.IOException;
import java.io.Reader;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Imports the VNNIC reference medians CSV (see {@link ReferenceCsvParser}) into the warehouse table
 * {@code reference_medians}. All or nothing: a file with any bad line stores no row, and a
 * re-import of the same month, area, operator and access type replaces the earlier values.
 */
public final class ReferenceMediansImport {

    private static final Logger LOG = LoggerFactory.getLogger(ReferenceMediansImport.class);

    static final String UPSERT =
            """
            INSERT INTO reference_medians (month, area, operator, access_type, download_median,
                upload_median, latency_median, sample_count, source)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (month, area, operator, access_type) DO UPDATE SET
                download_median = EXCLUDED.download_median,
                upload_median = EXCLUDED.upload_median,
                latency_median = EXCLUDED.latency_median,
                sample_count = EXCLUDED.sample_count, source = EXCLUDED.source,
                imported_at = now()""";

    private final DataSource dataSource;

    public ReferenceMediansImport(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    /**
     * Parses and stores the CSV; returns the number of rows stored. {@code source} says where the
     * numbers come from, e.g. "VNNIC i-Speed 2026-10".
     */
    public int importCsv(Reader csv, String source)
            throws IOException, ReferenceCsvException, SQLException {
        List<ReferenceMedian> rows = ReferenceCsvParser.parse(csv);
        store(rows, source);
        LOG.info("Imported {} reference medians from {}", rows.size(), source);
        return rows.size();
    }

    private void store(List<ReferenceMedian> rows, String source) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement(UPSERT)) {
                for (ReferenceMedian r : rows) {
                    bind(ps, r, source);
                    ps.addBatch();
                }
                ps.executeBatch();
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(autoCommit);
            }
        }
    }

    private static void bind(PreparedStatement ps, ReferenceMedian r, String source)
            throws SQLException {
        ps.setDate(1, Date.valueOf(r.month().atDay(1)));
        ps.setString(2, r.area());
        ps.setString(3, r.operator().name());
        ps.setString(4, r.accessType().name());
        ps.setDouble(5, r.downloadMedianMbps());
        ps.setDouble(6, r.uploadMedianMbps());
        if (r.latencyMedianMs() == null) {
            ps.setNull(7, Types.DOUBLE);
        } else {
            ps.setDouble(7, r.latencyMedianMs());
        }
        if (r.sampleCount() == null) {
            ps.setNull(8, Types.BIGINT);
        } else {
            ps.setLong(8, r.sampleCount());
        }
        ps.setString(9, source == null || source.isBlank() ? "VNNIC" : source);
    }
}
