package vn.speedwatch.warehouse;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads and writes {@code alerts}. At most one alert per TDP × operator × access type × kind is
 * open or acknowledged at a time; the database's partial unique index enforces it, so two jobs
 * racing to open the same alert still produce one.
 */
public final class AlertRepository {

    private static final Logger LOG = LoggerFactory.getLogger(AlertRepository.class);

    private final Jdbc jdbc;

    public AlertRepository(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    /** Opens the alert unless one of its key and kind is not closed; returns the new id if so. */
    public Optional<Long> openIfAbsent(AlertRow a) {
        List<Long> ids =
                jdbc.query(
                        "opening alert " + describe(a),
                        Sql.ALERT_OPEN_IF_ABSENT,
                        rs -> rs.getLong(1),
                        a.tdpCode(),
                        a.operator(),
                        a.accessType(),
                        a.kind(),
                        a.openedAt(),
                        a.sampleCount(),
                        a.median24h(),
                        a.baselineMedian(),
                        a.belowQcvnShare(),
                        a.details());
        ids.forEach(id -> LOG.info("Alert {} opened: {}", id, describe(a)));
        return ids.stream().findFirst();
    }

    /** Closes the open or acknowledged alert of that key and kind; returns how many closed. */
    public int close(
            String tdpCode, String operator, String accessType, String kind, Instant closedAt) {
        return jdbc.update(
                "closing alert " + tdpCode + "/" + operator + "/" + accessType + "/" + kind,
                Sql.ALERT_CLOSE,
                closedAt,
                tdpCode,
                operator,
                accessType,
                kind);
    }

    /** Marks an open alert as seen by {@code by}; false if it is not open (or does not exist). */
    public boolean acknowledge(long id, String by, Instant at) {
        return jdbc.update("acknowledging alert " + id, Sql.ALERT_ACKNOWLEDGE, by, at, id) > 0;
    }

    /** Alerts that are open or acknowledged, oldest first. */
    public List<AlertRow> findOpen() {
        return jdbc.query("finding open alerts", Sql.ALERT_FIND_OPEN, AlertRepository::read);
    }

    /** Alerts that were open at some moment of {@code [from, to)}, oldest first. */
    public List<AlertRow> findOverlapping(Instant from, Instant to) {
        return jdbc.query(
                "finding alerts between " + from + " and " + to,
                Sql.ALERT_FIND_OVERLAPPING,
                AlertRepository::read,
                to,
                from);
    }

    private static String describe(AlertRow a) {
        return a.kind() + " " + a.tdpCode() + "/" + a.operator() + "/" + a.accessType();
    }

    private static AlertRow read(ResultSet rs) throws SQLException {
        return new AlertRow(
                rs.getLong("id"),
                rs.getString("tdp_code"),
                rs.getString("operator"),
                rs.getString("access_type"),
                rs.getString("kind"),
                rs.getString("status"),
                Jdbc.instant(rs, "opened_at"),
                Jdbc.instant(rs, "closed_at"),
                Jdbc.nullableLong(rs, "sample_count"),
                Jdbc.nullableDouble(rs, "median_24h"),
                Jdbc.nullableDouble(rs, "baseline_median"),
                Jdbc.nullableDouble(rs, "below_qcvn_share"),
                rs.getString("details"),
                rs.getString("acknowledged_by"),
                Jdbc.instant(rs, "acknowledged_at"));
    }
}
