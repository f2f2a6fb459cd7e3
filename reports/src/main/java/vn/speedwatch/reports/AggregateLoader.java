package vn.speedwatch.reports;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.speedwatch.model.AccessType;
import vn.speedwatch.model.Operator;

/**
 * Reads an operator's day aggregates for the trend window ending with the report month in one query
 * and merges them into {@link MonthFigures}. Raw measurements are never read.
 */
final class AggregateLoader {

    private static final Logger LOG = LoggerFactory.getLogger(AggregateLoader.class);

    private final DataSource dataSource;
    private final ReportsConfig config;

    AggregateLoader(DataSource dataSource, ReportsConfig config) {
        this.dataSource = dataSource;
        this.config = config;
    }

    MonthFigures load(Operator operator, YearMonth month) throws SQLException {
        YearMonth first = month.minusMonths(config.trendMonths() - 1L);
        Map<CellKey, CellAccumulator> cells = new HashMap<>();
        Map<YearMonth, Map<AccessType, CellAccumulator>> monthly = new HashMap<>();
        DataFingerprint fingerprint = new DataFingerprint();
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(ReportQueries.DAY_ROWS)) {
            ps.setString(1, operator.name());
            ps.setTimestamp(2, Timestamp.from(start(first)));
            ps.setTimestamp(3, Timestamp.from(start(month.plusMonths(1))));
            ps.setFetchSize(2_000);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    DayRow row = read(rs, operator);
                    if (row == null) {
                        continue;
                    }
                    YearMonth rowMonth = YearMonth.from(row.bucketStart().atZone(config.zone()));
                    DaySketches sketches = DaySketches.of(row);
                    if (rowMonth.equals(month)) {
                        fingerprint.add(row);
                        cells.computeIfAbsent(key(row), k -> new CellAccumulator())
                                .add(row, sketches);
                    }
                    monthly.computeIfAbsent(rowMonth, m -> new EnumMap<>(AccessType.class))
                            .computeIfAbsent(row.accessType(), a -> new CellAccumulator())
                            .add(row, sketches);
                }
            }
        }
        return new MonthFigures(
                month,
                statsOf(cells),
                monthlyStats(monthly),
                fingerprint.hex(),
                fingerprint.rows());
    }

    Instant start(YearMonth month) {
        return month.atDay(1).atStartOfDay(config.zone()).toInstant();
    }

    private static CellKey key(DayRow row) {
        return new CellKey(row.tdpCode(), row.accessType());
    }

    private static SortedMap<CellKey, CellStats> statsOf(Map<CellKey, CellAccumulator> cells) {
        SortedMap<CellKey, CellStats> out = new TreeMap<>();
        cells.forEach((k, acc) -> out.put(k, acc.stats()));
        return out;
    }

    private static SortedMap<YearMonth, Map<AccessType, CellStats>> monthlyStats(
            Map<YearMonth, Map<AccessType, CellAccumulator>> monthly) {
        SortedMap<YearMonth, Map<AccessType, CellStats>> out = new TreeMap<>();
        monthly.forEach(
                (m, byAccess) -> {
                    Map<AccessType, CellStats> stats = new EnumMap<>(AccessType.class);
                    byAccess.forEach((a, acc) -> stats.put(a, acc.stats()));
                    out.put(m, stats);
                });
        return out;
    }

    /** A row, or null (logged) when its access type is not one the contract names. */
    private static DayRow read(ResultSet rs, Operator operator) throws SQLException {
        String access = rs.getString("access_type");
        AccessType accessType;
        try {
            accessType = AccessType.valueOf(access);
        } catch (IllegalArgumentException e) {
            LOG.warn(
                    "Skipping aggregate row with unknown access type '{}' (operator {}, tdp {})",
                    access,
                    operator,
                    rs.getString("tdp_code"));
            return null;
        }
        return new DayRow(
                rs.getString("tdp_code"),
                accessType,
                rs.getTimestamp("bucket_start").toInstant(),
                rs.getLong("sample_count"),
                rs.getInt("device_count"),
                nullableDouble(rs, "download_mean"),
                nullableDouble(rs, "upload_mean"),
                nullableDouble(rs, "latency_mean"),
                rs.getLong("qcvn_evaluated_count"),
                rs.getLong("below_qcvn_count"),
                rs.getBytes("download_sketch"),
                rs.getBytes("upload_sketch"),
                rs.getBytes("latency_sketch"));
    }

    private static Double nullableDouble(ResultSet rs, String column) throws SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? null : v;
    }
}
