package vn.speedwatch.warehouse.testing;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import vn.speedwatch.model.Settings;
import vn.speedwatch.warehouse.Warehouse;
import vn.speedwatch.warehouse.WarehouseConfig;

/**
 * JUnit 5 extension: a fresh database {@code sw_test_<random>} on the machine's PostgreSQL
 * (127.0.0.1:5432, user postgres, trust auth), migrated before all tests and dropped after them.
 *
 * <pre>{@code @RegisterExtension static PostgresDatabase db = new PostgresDatabase();}</pre>
 */
public final class PostgresDatabase implements TestDatabase, BeforeAllCallback, AfterAllCallback {

    private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";
    private static final String USER = "postgres";

    private final boolean migrate;

    /** The test class that started it: nested classes inherit the extension but share it. */
    private String owner;

    private final int poolSize;
    private String name;
    private HikariDataSource dataSource;

    /** A migrated database with a pool of 4 connections. */
    public PostgresDatabase() {
        this(true, 4);
    }

    private PostgresDatabase(boolean migrate, int poolSize) {
        this.migrate = migrate;
        this.poolSize = poolSize;
    }

    /** An empty database, for tests of the migrations themselves. */
    public static PostgresDatabase unmigrated() {
        return new PostgresDatabase(false, 4);
    }

    @Override
    public void beforeAll(ExtensionContext context) throws SQLException {
        if (owner != null) {
            return;
        }
        owner = context.getUniqueId();
        name =
                "sw_test_"
                        + UUID.randomUUID()
                                .toString()
                                .replace("-", "")
                                .substring(0, 16)
                                .toLowerCase(Locale.ROOT);
        admin("CREATE DATABASE " + name);
        dataSource = Warehouse.open(new WarehouseConfig(jdbcUrl(), USER, "", poolSize));
        if (migrate) {
            Warehouse.migrate(dataSource);
        }
    }

    @Override
    public void afterAll(ExtensionContext context) throws SQLException {
        if (!context.getUniqueId().equals(owner)) {
            return;
        }
        owner = null;
        if (dataSource != null) {
            dataSource.close();
            dataSource = null;
        }
        if (name != null) {
            admin("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        }
    }

    @Override
    public DataSource dataSource() {
        if (dataSource == null) {
            throw new IllegalStateException(
                    "PostgresDatabase is not started: register it with "
                            + "@RegisterExtension on a static field");
        }
        return dataSource;
    }

    @Override
    public String jdbcUrl() {
        return SERVER + name;
    }

    @Override
    public Settings settings() {
        return Settings.of(
                Map.of(
                        "db.url",
                        jdbcUrl(),
                        "db.user",
                        USER,
                        "db.password",
                        "",
                        "db.pool-size",
                        String.valueOf(poolSize)));
    }

    @Override
    public boolean isTimescale() {
        return false;
    }

    /** The database's name, e.g. to tell it apart in logs. */
    public String name() {
        return name;
    }

    private static void admin(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(SERVER + "postgres", USER, "");
                Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }
}
