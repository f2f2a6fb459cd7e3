package vn.speedwatch.reports;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import vn.speedwatch.model.Operator;

/**
 * The archive of generated reports ({@code monthly_reports}): what was produced, by whom, file
 * hashes, whether it was sent. Officials list it and mark reports sent once posted.
 */
public final class ReportArchive {

    private final DataSource dataSource;
    private final Clock clock;

    public ReportArchive(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    public ReportArchive(DataSource dataSource) {
        this(dataSource, Clock.systemUTC());
    }

    /** Archived reports, newest month first; an empty filter matches everything. */
    public List<ArchivedReport> list(Optional<YearMonth> month, Optional<Operator> operator) {
        Date day = month.map(m -> Date.valueOf(m.atDay(1))).orElse(null);
        String code = operator.map(Operator::name).orElse(null);
        return query(ReportQueries.LIST_REPORTS, day, day, code, code);
    }

    public Optional<ArchivedReport> find(long id) {
        return query(ReportQueries.FIND_REPORT, id).stream().findFirst();
    }

    /**
     * Records that the report was sent to the operator.
     *
     * @return true when the report existed and was not yet marked sent
     */
    public boolean markSent(long id) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(ReportQueries.MARK_SENT)) {
            ps.setTimestamp(1, Timestamp.from(clock.instant()));
            ps.setLong(2, id);
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw failure("đánh dấu đã gửi báo cáo " + id, "mark report " + id + " sent", e);
        }
    }

    /** The newest report of the operator for the month, if any. */
    Optional<ArchivedReport> latest(Operator operator, YearMonth month) {
        return query(ReportQueries.LATEST_REPORT, Date.valueOf(month.atDay(1)), operator.name())
                .stream()
                .findFirst();
    }

    long insert(GeneratedReport r, String generatedBy, ReportSummary summary) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(ReportQueries.INSERT_REPORT)) {
            ps.setDate(1, Date.valueOf(r.month().atDay(1)));
            ps.setString(2, r.operator().name());
            ps.setTimestamp(3, Timestamp.from(clock.instant()));
            ps.setString(4, generatedBy);
            ps.setString(5, r.pdfSha256());
            ps.setString(6, r.csvSha256());
            ps.setString(7, r.dataFingerprint());
            ps.setString(8, r.pdf().toString());
            ps.setString(9, r.csv().toString());
            ps.setString(10, summary.toJson());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw failure("lưu trữ báo cáo", "archive report of " + r.operator(), e);
        }
    }

    private List<ArchivedReport> query(String sql, Object... params) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            List<ArchivedReport> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(read(rs));
                }
            }
            return out;
        } catch (SQLException e) {
            throw failure("đọc kho lưu trữ báo cáo", "read report archive", e);
        }
    }

    private static ArchivedReport read(ResultSet rs) throws SQLException {
        Timestamp sentAt = rs.getTimestamp("sent_at");
        String pdf = rs.getString("pdf_path");
        String csv = rs.getString("csv_path");
        return new ArchivedReport(
                rs.getLong("id"),
                YearMonth.from(rs.getDate("month").toLocalDate()),
                rs.getString("operator"),
                rs.getTimestamp("generated_at").toInstant(),
                rs.getString("generated_by"),
                rs.getString("pdf_sha256"),
                rs.getString("csv_sha256"),
                rs.getString("data_fingerprint"),
                pdf == null ? null : Path.of(pdf),
                csv == null ? null : Path.of(csv),
                rs.getBoolean("sent"),
                sentAt == null ? null : sentAt.toInstant(),
                ReportSummary.fromJson(rs.getString("summary")));
    }

    private static ReportException failure(String vi, String en, SQLException e) {
        return new ReportException(
                "Lỗi cơ sở dữ liệu khi " + vi, "database error: " + en + ": " + e.getMessage(), e);
    }
}
