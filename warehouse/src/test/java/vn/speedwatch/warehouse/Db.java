package vn.speedwatch.warehouse;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** Plain SQL helpers for assertions: what a person would check with psql. */
final class Db {

    private Db() {}

    /** The first column of every row of {@code sql}, as strings. */
    static List<String> column(DataSource ds, String sql, Object... params) throws SQLException {
        try (Connection c = ds.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            Jdbc.bindAll(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                List<String> values = new ArrayList<>();
                while (rs.next()) {
                    values.add(rs.getString(1));
                }
                return values;
            }
        }
    }

    static long count(DataSource ds, String sql, Object... params) throws SQLException {
        return Long.parseLong(column(ds, sql, params).get(0));
    }

    /** Runs statements with autocommit, as TimescaleDB procedures like refresh require. */
    static void execute(DataSource ds, String... sql) throws SQLException {
        try (Connection c = ds.getConnection();
                Statement st = c.createStatement()) {
            c.setAutoCommit(true);
            for (String s : sql) {
                st.execute(s);
            }
        }
    }

    private static final java.util.Set<String> MIGRATED =
            java.util.concurrent.ConcurrentHashMap.newKeySet();

    /**
     * Migrates the test database once; the migration suite normally did it already, but a suite run
     * on its own (-Dtest=...) must not find an empty database.
     */
    static void ensureMigrated(vn.speedwatch.warehouse.testing.TestDatabase db) {
        if (MIGRATED.add(db.jdbcUrl())) {
            Warehouse.migrate(db.dataSource());
        }
    }

    static void truncateAll(DataSource ds) throws SQLException {
        execute(
                ds,
                "TRUNCATE measurements_raw, quality_aggregates, heatmap_cells, alerts, "
                        + "dead_letters, erasures, areas");
    }
}
