package vn.speedwatch.launcher.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * A throw-away database on the machine's PostgreSQL (127.0.0.1:5432, trust auth), created fresh for
 * one launcher start and dropped on close, plus the counts the benchmark polls.
 */
final class BenchDatabase implements AutoCloseable {

    private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";

    private final String name;
    private final Connection connection;

    private BenchDatabase(String name) throws SQLException {
        this.name = name;
        admin("CREATE DATABASE " + name);
        this.connection = DriverManager.getConnection(SERVER + name, "postgres", "");
    }

    static BenchDatabase create(String purpose) throws SQLException {
        return new BenchDatabase("sw_bench_" + purpose + "_" + Long.toHexString(System.nanoTime()));
    }

    String jdbcUrl() {
        return SERVER + name;
    }

    /** Measurements counted in the hourly aggregates (all cells, or one operator's). */
    long aggregated(String operator) throws SQLException {
        String sql =
                "SELECT coalesce(sum(sample_count), 0) FROM quality_aggregates"
                        + " WHERE resolution = 'hour'"
                        + (operator == null ? "" : " AND operator = ?");
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            if (operator != null) {
                ps.setString(1, operator);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            // The launcher creates the tables on start; before that, nothing is counted yet.
            if ("42P01".equals(e.getSQLState())) {
                return 0;
            }
            throw e;
        }
    }

    /** Waits until at least {@code n} measurements are in the hourly aggregates. */
    void awaitAggregated(long n, Duration timeout) throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        long seen;
        while ((seen = aggregated(null)) < n) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(
                        "only "
                                + seen
                                + " of "
                                + n
                                + " accepted measurements aggregated after "
                                + timeout.toSeconds()
                                + " s");
            }
            Thread.sleep(250);
        }
    }

    @Override
    public void close() throws SQLException {
        connection.close();
        admin("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }

    private static void admin(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(SERVER + "postgres", "postgres", "");
                Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }
}
