package vn.speedwatch.warehouse;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Entry point to the warehouse: opens the connection pool, applies the Flyway migrations ({@code
 * classpath:db/migration}) and tells whether TimescaleDB is in use.
 */
public final class Warehouse {

    /** Flyway placeholder read by migration V2: days of raw measurements to keep. */
    public static final String RAW_RETENTION_PLACEHOLDER = "rawRetentionDays";

    private static final Logger LOG = LoggerFactory.getLogger(Warehouse.class);

    private Warehouse() {}

    /** A HikariCP pool for {@code c}; the caller closes it. */
    public static HikariDataSource open(WarehouseConfig c) {
        HikariConfig hc = new HikariConfig();
        hc.setJdbcUrl(c.jdbcUrl());
        hc.setUsername(c.user());
        hc.setPassword(c.password());
        hc.setMaximumPoolSize(c.poolSize());
        hc.setMinimumIdle(Math.min(1, c.poolSize()));
        hc.setPoolName("speedwatch-warehouse");
        // Fail fast at startup is wrong for a database that comes up after us: connect lazily.
        hc.setInitializationFailTimeout(-1);
        return new HikariDataSource(hc);
    }

    /**
     * Applies every pending migration with the default raw retention; a no-op when up to date.
     * Returns the number of migrations applied by this call.
     */
    public static int migrate(DataSource ds) {
        return migrate(ds, TimeSeriesLayout.DEFAULT_RAW_RETENTION);
    }

    /** Applies every pending migration; {@code rawRetention} feeds the TimescaleDB policy. */
    public static int migrate(DataSource ds, Duration rawRetention) {
        MigrateResult result =
                Flyway.configure()
                        .dataSource(ds)
                        .locations("classpath:db/migration")
                        .placeholders(
                                Map.of(
                                        RAW_RETENTION_PLACEHOLDER,
                                        String.valueOf(rawRetention.toDays())))
                        // V1 runs in a transaction, V2 cannot (continuous aggregates): allow both
                        // kinds.
                        .mixed(true)
                        // A session lock lets Flyway work on one connection: the TimescaleDB test
                        // server serves one at a time, and a pool of one must not deadlock.
                        .configuration(Map.of("flyway.postgresql.transactional.lock", "false"))
                        .load()
                        .migrate();
        LOG.info(
                "Warehouse schema at version {} ({} migrations applied now)",
                result.targetSchemaVersion,
                result.migrationsExecuted);
        return result.migrationsExecuted;
    }

    /** True when the timescaledb extension is installed in the database. */
    public static boolean hasTimescale(DataSource ds) {
        try (Connection c = ds.getConnection();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(Sql.HAS_TIMESCALE)) {
            return rs.next() && rs.getBoolean(1);
        } catch (SQLException e) {
            throw WarehouseException.of("checking for the timescaledb extension", e);
        }
    }
}
