package vn.speedwatch.warehouse.testing;

import javax.sql.DataSource;
import vn.speedwatch.model.Settings;

/**
 * What a test sees of a throw-away warehouse database, whichever server runs it: PostgreSQL ({@link
 * PostgresDatabase}) or the TimescaleDB test server ({@link TimescaleServer}).
 */
public interface TestDatabase {

    /** A pooled data source on the test database (already migrated unless created unmigrated). */
    DataSource dataSource();

    /** The JDBC URL of the test database, for code that opens its own connections. */
    String jdbcUrl();

    /** Settings with {@code db.url}, {@code db.user}, {@code db.password} and pool size. */
    Settings settings();

    /** Whether this is the TimescaleDB server (one connection at a time). */
    boolean isTimescale();
}
