package vn.speedwatch.warehouse;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;

/** Writes {@code dead_letters}: records the pipeline could not use, so none vanish silently. */
public final class DeadLetterRepository {

    private final Jdbc jdbc;

    public DeadLetterRepository(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    /**
     * Inserts the rows in one transaction; returns the number written. A row whose {@code
     * recordRef} is already stored is skipped: it is the same record, replayed.
     */
    public int insert(List<DeadLetterRow> rows) {
        return jdbc.batch(
                "inserting " + rows.size() + " dead letters",
                Sql.DEAD_LETTER_INSERT,
                rows,
                DeadLetterRepository::bind);
    }

    /** The most recent dead letters, newest first, for the operator's dashboard. */
    public List<DeadLetterRow> findRecent(int limit) {
        return jdbc.query(
                "finding recent dead letters",
                Sql.DEAD_LETTER_FIND_RECENT,
                DeadLetterRepository::read,
                limit);
    }

    private static void bind(PreparedStatement ps, DeadLetterRow r) throws SQLException {
        Jdbc.setInstant(ps, 1, r.receivedAt());
        // PostgreSQL text cannot hold NUL characters; a broken record must still be kept.
        ps.setString(2, Require.storable(r.recordKey()));
        ps.setString(3, Require.storable(r.payload()));
        ps.setString(4, r.reason());
        ps.setString(5, r.violations());
        ps.setString(6, r.recordRef());
    }

    private static DeadLetterRow read(ResultSet rs) throws SQLException {
        return new DeadLetterRow(
                rs.getLong("id"),
                Jdbc.instant(rs, "received_at"),
                rs.getString("record_key"),
                rs.getString("payload"),
                rs.getString("reason"),
                rs.getString("violations"),
                rs.getString("record_ref"));
    }
}
