package vn.speedwatch.warehouse;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the V1 tables into a time-series layout: with TimescaleDB available, hypertables with
 * compression and retention policies and the {@code quality_monthly} continuous aggregate; on plain
 * PostgreSQL, BRIN indexes on the time columns and a plain {@code quality_monthly} view with the
 * same columns. Every step is safe to rerun. Migration V2 runs it; it needs autocommit, because a
 * continuous aggregate cannot be created inside a transaction.
 */
public final class TimeSeriesLayout {

    private static final Logger LOG = LoggerFactory.getLogger(TimeSeriesLayout.class);

    /** Raw measurements older than this are dropped (Decree 13: keep no longer than needed). */
    public static final Duration DEFAULT_RAW_RETENTION = Duration.ofDays(400);

    static final String RAW_COMPRESS_AFTER = "30 days";
    static final String AGG_COMPRESS_AFTER = "90 days";

    private final Duration rawRetention;

    public TimeSeriesLayout(Duration rawRetention) {
        this.rawRetention = Objects.requireNonNull(rawRetention, "rawRetention");
        if (rawRetention.toDays() < 1) {
            throw new IllegalArgumentException(
                    "raw retention must be at least one day, got " + rawRetention);
        }
    }

    /** Applies the layout that fits the database behind {@code c}; returns true for TimescaleDB. */
    public boolean apply(Connection c) throws SQLException {
        if (queryBoolean(c, Sql.TIMESCALE_AVAILABLE)) {
            applyTimescale(c);
            return true;
        }
        applyPlain(c);
        return false;
    }

    /**
     * Re-creates {@code quality_monthly} with the current column list (migration V13.1): a
     * continuous aggregate's query cannot be altered, so it is dropped, re-created and refreshed
     * over the raw rows still kept; on plain PostgreSQL the view is re-created.
     */
    public static void replaceMonthlyView(Connection c) throws SQLException {
        if (queryBoolean(c, Sql.HAS_TIMESCALE)) {
            execute(c, Sql.TS_DROP_MONTHLY);
            execute(c, Sql.TS_MONTHLY_VIEW);
            execute(c, Sql.TS_MONTHLY_POLICY);
            execute(c, Sql.TS_REFRESH_MONTHLY);
        } else {
            execute(c, Sql.PLAIN_DROP_MONTHLY);
            execute(c, Sql.PLAIN_MONTHLY_VIEW);
        }
        LOG.info("Warehouse layout: quality_monthly re-created with the dashboard counts");
    }

    private void applyTimescale(Connection c) throws SQLException {
        execute(c, Sql.TS_CREATE_EXTENSION);
        execute(c, Sql.TS_HYPERTABLE_RAW);
        execute(c, Sql.TS_HYPERTABLE_AGG);
        // Re-setting compression options fails once chunks are compressed, so only set them once.
        if (!compressionEnabled(c, "measurements_raw")) {
            execute(c, Sql.TS_COMPRESS_RAW);
        }
        if (!compressionEnabled(c, "quality_aggregates")) {
            execute(c, Sql.TS_COMPRESS_AGG);
        }
        execute(c, Sql.TS_COMPRESSION_POLICY, "measurements_raw", RAW_COMPRESS_AFTER);
        execute(c, Sql.TS_COMPRESSION_POLICY, "quality_aggregates", AGG_COMPRESS_AFTER);
        execute(c, Sql.TS_RETENTION_POLICY, rawRetention.toDays() + " days");
        execute(c, Sql.TS_MONTHLY_VIEW);
        execute(c, Sql.TS_MONTHLY_POLICY);
        LOG.info(
                "Warehouse layout: TimescaleDB hypertables, raw retention {} days",
                rawRetention.toDays());
    }

    private void applyPlain(Connection c) throws SQLException {
        execute(c, Sql.PLAIN_BRIN_RAW);
        execute(c, Sql.PLAIN_BRIN_AGG);
        execute(c, Sql.PLAIN_MONTHLY_VIEW);
        LOG.info("Warehouse layout: plain PostgreSQL tables with BRIN indexes (no TimescaleDB)");
    }

    private static boolean compressionEnabled(Connection c, String table) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(Sql.TS_COMPRESSION_ENABLED)) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    private static boolean queryBoolean(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            return rs.next() && rs.getBoolean(1);
        }
    }

    private static void execute(Connection c, String sql, String... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setString(i + 1, params[i]);
            }
            ps.execute();
        }
    }
}
