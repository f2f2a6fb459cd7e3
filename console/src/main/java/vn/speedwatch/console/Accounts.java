package vn.speedwatch.console;

import java.time.Instant;
import java.util.Optional;
import javax.sql.DataSource;

/** The {@code officials} table and the failed-login record behind the lock-out. */
final class Accounts {

    /** A stored account: name, role and bcrypt hash. */
    record Stored(String username, Official.Role role, String passwordHash) {}

    private final Db db;

    Accounts(DataSource dataSource) {
        this.db = new Db(dataSource);
    }

    void save(String username, Official.Role role, String passwordHash) {
        db.update(ConsoleQueries.OFFICIAL_INSERT, username, passwordHash, role.dbValue());
    }

    Optional<Stored> find(String username) {
        return db
                .query(
                        ConsoleQueries.OFFICIAL_FIND,
                        rs ->
                                new Stored(
                                        rs.getString(1),
                                        Official.Role.of(rs.getString(3)),
                                        rs.getString(2)),
                        username)
                .stream()
                .findFirst();
    }

    void recordFailure(String username, Instant at) {
        db.update(ConsoleQueries.FAILURE_INSERT, username, at);
    }

    long failuresSince(String username, Instant since) {
        return db.query(ConsoleQueries.FAILURE_COUNT, rs -> rs.getLong(1), username, since).get(0);
    }

    void clearFailures(String username) {
        db.update(ConsoleQueries.FAILURE_CLEAR, username);
    }
}
