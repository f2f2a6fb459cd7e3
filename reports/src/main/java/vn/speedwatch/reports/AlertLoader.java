package vn.speedwatch.reports;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import vn.speedwatch.model.Operator;

/** Reads the alerts an operator opened or closed within a month. */
final class AlertLoader {

    private final DataSource dataSource;

    AlertLoader(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    List<AlertLine> load(Operator operator, Instant from, Instant to) throws SQLException {
        List<AlertLine> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(ReportQueries.ALERTS_IN_MONTH)) {
            ps.setString(1, operator.name());
            ps.setTimestamp(2, Timestamp.from(from));
            ps.setTimestamp(3, Timestamp.from(to));
            ps.setTimestamp(4, Timestamp.from(from));
            ps.setTimestamp(5, Timestamp.from(to));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Timestamp closed = rs.getTimestamp("closed_at");
                    out.add(
                            new AlertLine(
                                    rs.getLong("id"),
                                    rs.getString("tdp_code"),
                                    rs.getString("access_type"),
                                    rs.getString("kind"),
                                    rs.getString("status"),
                                    rs.getTimestamp("opened_at").toInstant(),
                                    closed == null ? null : closed.toInstant()));
                }
            }
        }
        return out;
    }
}
