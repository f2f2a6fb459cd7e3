package vn.speedwatch.warehouse;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * The little JDBC plumbing the repositories share: one transaction per call, batches, and typed
 * reads and writes of nullable columns. Timestamps travel as {@link OffsetDateTime} in UTC, which
 * pgjdbc maps to {@code timestamptz} exactly.
 */
final class Jdbc {

    /** Work done on one connection inside one transaction. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    /** Binds one item's parameters to a prepared statement. */
    @FunctionalInterface
    interface Binder<T> {
        void bind(PreparedStatement ps, T item) throws SQLException;
    }

    /** Reads the current row of a result set. */
    @FunctionalInterface
    interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    private final DataSource dataSource;

    Jdbc(DataSource dataSource) {
        this.dataSource = java.util.Objects.requireNonNull(dataSource, "dataSource");
    }

    /** Runs {@code work} in a transaction; rolls back and wraps the error if it fails. */
    <T> T inTransaction(String operation, Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw WarehouseException.of(operation, e);
        }
    }

    /** Executes {@code sql} once per item as one batch; returns the rows changed. */
    <T> int batch(String operation, String sql, List<T> items, Binder<T> binder) {
        if (items.isEmpty()) {
            return 0;
        }
        return inTransaction(
                operation,
                c -> {
                    try (PreparedStatement ps = c.prepareStatement(sql)) {
                        for (T item : items) {
                            binder.bind(ps, item);
                            ps.addBatch();
                        }
                        return sum(ps.executeBatch());
                    }
                });
    }

    /** Runs an update with the given parameters; returns the rows changed. */
    int update(String operation, String sql, Object... params) {
        return inTransaction(
                operation,
                c -> {
                    try (PreparedStatement ps = c.prepareStatement(sql)) {
                        bindAll(ps, params);
                        return ps.executeUpdate();
                    }
                });
    }

    /** Runs a query with the given parameters and maps every row. */
    <T> List<T> query(String operation, String sql, RowMapper<T> mapper, Object... params) {
        return inTransaction(
                operation,
                c -> {
                    try (PreparedStatement ps = c.prepareStatement(sql)) {
                        bindAll(ps, params);
                        try (ResultSet rs = ps.executeQuery()) {
                            List<T> rows = new ArrayList<>();
                            while (rs.next()) {
                                rows.add(mapper.map(rs));
                            }
                            return rows;
                        }
                    }
                });
    }

    static void bindAll(PreparedStatement ps, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            Object p = params[i];
            if (p instanceof Instant t) {
                setInstant(ps, i + 1, t);
            } else {
                ps.setObject(i + 1, p);
            }
        }
    }

    static void setInstant(PreparedStatement ps, int i, Instant value) throws SQLException {
        if (value == null) {
            ps.setNull(i, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            ps.setObject(i, OffsetDateTime.ofInstant(value, ZoneOffset.UTC));
        }
    }

    static void setDouble(PreparedStatement ps, int i, Double value) throws SQLException {
        if (value == null) {
            ps.setNull(i, Types.DOUBLE);
        } else {
            ps.setDouble(i, value);
        }
    }

    static void setInteger(PreparedStatement ps, int i, Integer value) throws SQLException {
        if (value == null) {
            ps.setNull(i, Types.INTEGER);
        } else {
            ps.setInt(i, value);
        }
    }

    static void setLong(PreparedStatement ps, int i, Long value) throws SQLException {
        if (value == null) {
            ps.setNull(i, Types.BIGINT);
        } else {
            ps.setLong(i, value);
        }
    }

    static void setBoolean(PreparedStatement ps, int i, Boolean value) throws SQLException {
        if (value == null) {
            ps.setNull(i, Types.BOOLEAN);
        } else {
            ps.setBoolean(i, value);
        }
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    static Double nullableDouble(ResultSet rs, String column) throws SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? null : v;
    }

    static Integer nullableInt(ResultSet rs, String column) throws SQLException {
        int v = rs.getInt(column);
        return rs.wasNull() ? null : v;
    }

    static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    static Boolean nullableBoolean(ResultSet rs, String column) throws SQLException {
        boolean v = rs.getBoolean(column);
        return rs.wasNull() ? null : v;
    }

    private static int sum(int[] counts) {
        int total = 0;
        for (int n : counts) {
            // SUCCESS_NO_INFO: the driver knows the statement ran but not how many rows it hit.
            total += n == Statement.SUCCESS_NO_INFO ? 1 : Math.max(n, 0);
        }
        return total;
    }
}
