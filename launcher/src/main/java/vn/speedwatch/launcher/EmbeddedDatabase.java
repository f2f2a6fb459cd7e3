package vn.speedwatch.launcher;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL server started from the binaries shipped in a jar, for the one-machine mode when no
 * {@code db.url} is configured. Its files stay in the given directory between runs, so a restart
 * keeps every measurement; the {@code speedwatch} database is created on first start.
 */
public final class EmbeddedDatabase implements Database {

    static final String DATABASE = "speedwatch";
    private static final String USER = "postgres";
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDatabase.class);

    private final EmbeddedPostgres postgres;

    private EmbeddedDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /** Starts the server on a free port with its data in {@code dir} (created if new). */
    public static EmbeddedDatabase start(Path dir) {
        long started = System.nanoTime();
        EmbeddedPostgres pg;
        try {
            pg =
                    EmbeddedPostgres.builder()
                            .setDataDirectory(dir)
                            .setCleanDataDirectory(false)
                            .setRegisterShutdownHook(false)
                            .setPGStartupWait(Duration.ofSeconds(60))
                            .start();
        } catch (IOException | RuntimeException e) {
            throw new LauncherException(
                    "Không khởi động được PostgreSQL nhúng tại " + dir + ": " + e.getMessage(),
                    "the embedded PostgreSQL did not start",
                    e);
        }
        EmbeddedDatabase db = new EmbeddedDatabase(pg);
        db.createDatabaseIfMissing();
        LOG.info(
                "Embedded PostgreSQL on port {} (data {}) ready in {} ms",
                pg.getPort(),
                dir,
                (System.nanoTime() - started) / 1_000_000);
        return db;
    }

    @Override
    public String jdbcUrl() {
        return postgres.getJdbcUrl(USER, DATABASE);
    }

    @Override
    public String user() {
        return USER;
    }

    @Override
    public String password() {
        return "";
    }

    @Override
    public void close() {
        try {
            postgres.close();
            LOG.info("Embedded PostgreSQL stopped");
        } catch (IOException e) {
            LOG.warn("Embedded PostgreSQL did not stop cleanly: {}", e.toString());
        }
    }

    private void createDatabaseIfMissing() {
        try (Connection c = postgres.getPostgresDatabase().getConnection();
                PreparedStatement exists =
                        c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            exists.setString(1, DATABASE);
            try (ResultSet rs = exists.executeQuery()) {
                if (rs.next()) {
                    return;
                }
            }
            try (Statement st = c.createStatement()) {
                st.execute("CREATE DATABASE " + DATABASE);
            }
        } catch (SQLException e) {
            close();
            throw new LauncherException(
                    "Không tạo được cơ sở dữ liệu " + DATABASE,
                    "cannot create database " + DATABASE + ": " + e.getMessage(),
                    e);
        }
    }
}
