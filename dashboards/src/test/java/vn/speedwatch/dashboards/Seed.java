package vn.speedwatch.dashboards;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Fills a migrated warehouse with one month (October 2026, Vietnam time) of what the pipeline
 * writes: the area registry, hourly and daily quality aggregates (with the 2030-target and IPv6
 * counts, and device sketches on day rows), heatmap cells, raw rows (no panel reads them; the
 * benchmark keeps them for its growth probe), alerts, dead letters, plus the VNNIC reference
 * medians imported from a CSV. Generated with {@code generate_series} so the same code seeds tests
 * and the 10 M-measurement benchmark.
 *
 * <p>One cell is deliberately sparse: TDP-12 × OTHER × FIXED_OTHER has only {@link #SPARSE_N}
 * samples, with values ({@link #SENTINELS}) that no dashboard may ever show.
 */
public final class Seed {

    static final Instant FROM = Instant.parse("2026-09-30T17:00:00Z");
    static final Instant TO = Instant.parse("2026-10-31T16:59:59.999Z");
    static final Instant END = Instant.parse("2026-10-31T17:00:00Z");
    static final int SPARSE_N = 3;
    static final String SPARSE_TDP = "TDP-12";
    static final String SPARSE_QUADKEY = "1323003302120SPARSE";

    /** Values of the sparse cell: download, upload, latency, p10, p90, alert medians. */
    static final List<Double> SENTINELS =
            List.of(4242.42, 4141.41, 4343.43, 4242.11, 4242.99, 4040.4, 42.42);

    /** How much to generate. */
    public record Scale(
            List<String> operators,
            List<String> accessTypes,
            int hourSamples,
            long rawRows,
            int quadkeys) {

        public static final Scale TEST =
                new Scale(
                        List.of("VIETTEL", "VNPT", "FPT"),
                        List.of("FIXED_FIBER", "MOBILE_4G", "MOBILE_5G", "PUBLIC_WIFI"),
                        25,
                        6_000,
                        12);

        /** The same month with another number of raw rows. */
        public Scale withRawRows(long rows) {
            return new Scale(operators, accessTypes, hourSamples, rows, quadkeys);
        }

        /** Lighter, for the single-connection WebAssembly TimescaleDB server. */
        public static final Scale TIMESCALE_TEST =
                new Scale(
                        List.of("VIETTEL", "VNPT"),
                        List.of("FIXED_FIBER", "MOBILE_4G", "MOBILE_5G", "PUBLIC_WIFI"),
                        25,
                        2_000,
                        6);

        /** ≈ 10 M measurements: 12 TDPs × 7 operators × 5 access types × 744 h × ≈ 32. */
        public static final Scale MONTH_10M =
                new Scale(
                        List.of(
                                "VIETTEL",
                                "VNPT",
                                "FPT",
                                "MOBIFONE",
                                "VIETNAMOBILE",
                                "CMC",
                                "SCTV"),
                        List.of(
                                "FIXED_FIBER",
                                "FIXED_OTHER",
                                "MOBILE_4G",
                                "MOBILE_5G",
                                "PUBLIC_WIFI"),
                        36,
                        10_000_000,
                        150);
    }

    private Seed() {}

    public static void seed(DataSource ds, Scale scale) throws SQLException, IOException {
        try (Connection c = ds.getConnection()) {
            insertAreas(c);
            try (PreparedStatement ps = c.prepareStatement(SeedSql.HOURS)) {
                ps.setObject(1, Timestamp.from(FROM));
                ps.setObject(2, Timestamp.from(END));
                ps.setArray(3, textArray(c, scale.operators()));
                ps.setArray(4, textArray(c, scale.accessTypes()));
                ps.setInt(5, scale.hourSamples());
                ps.executeUpdate();
            }
            execute(c, SeedSql.SPARSE_HOUR);
            execute(c, SeedSql.NO_WIFI_IN_TDP_11);
            execute(c, SeedSql.DAYS);
            execute(c, SeedSql.DEVICE_SKETCHES);
            try (PreparedStatement ps = c.prepareStatement(SeedSql.HEATMAP)) {
                ps.setObject(1, Timestamp.from(FROM));
                ps.setObject(2, Timestamp.from(END));
                ps.setInt(3, scale.quadkeys());
                ps.setArray(4, textArray(c, scale.operators()));
                ps.setArray(5, textArray(c, scale.accessTypes().subList(0, 2)));
                ps.executeUpdate();
            }
            execute(c, SeedSql.SPARSE_HEATMAP);
            addRaw(c, scale, 0, scale.rawRows());
            execute(c, SeedSql.ALERTS);
            execute(c, SeedSql.DEAD_LETTERS);
            execute(c, "ANALYZE");
        }
        importReferences(ds);
    }

    /** Adds {@code count} raw rows spread over the month, ids numbered from {@code first}. */
    public static void addRaw(DataSource ds, Scale scale, long first, long count)
            throws SQLException {
        try (Connection c = ds.getConnection()) {
            addRaw(c, scale, first, count);
        }
    }

    /**
     * {@link #addRaw(DataSource, Scale, long, long)} with the raw table's indexes dropped first and
     * built again after, in one transaction: the same table in the end, but tens of millions of
     * random-UUID keys inserted one by one into a live primary key ran at ≈ 15,000 rows/s on 2
     * cores (about two hours for 100 M), bound by index page churn.
     */
    public static void addRawBulk(DataSource ds, Scale scale, long first, long count)
            throws SQLException {
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            List<String> drop = new ArrayList<>();
            List<String> create = new ArrayList<>();
            try (Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery(SeedSql.RAW_INDEXES)) {
                while (rs.next()) {
                    drop.add(rs.getString(1));
                    create.add(rs.getString(2));
                }
            }
            for (String sql : drop) {
                execute(c, sql);
            }
            addRaw(c, scale, first, count);
            execute(c, "SET LOCAL maintenance_work_mem = '1GB'");
            for (String sql : create) {
                execute(c, sql);
            }
            c.commit();
        }
    }

    private static void addRaw(Connection c, Scale scale, long first, long count)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SeedSql.RAW)) {
            ps.setLong(1, first);
            ps.setLong(2, count);
            ps.setObject(3, Timestamp.from(FROM));
            ps.setLong(4, 31L * 86_400_000_000L / count);
            ps.setArray(5, textArray(c, scale.operators()));
            ps.setArray(6, textArray(c, scale.operators()));
            ps.setArray(7, textArray(c, scale.accessTypes()));
            ps.setArray(8, textArray(c, scale.accessTypes()));
            ps.executeUpdate();
        }
    }

    private static void insertAreas(Connection c) throws SQLException, IOException {
        Path file =
                Provisioning.repositoryRoot()
                        .resolve("model/src/main/resources/areas/thuy-nguyen-sample.geojson");
        JsonNode root = Provisioning.JSON.readTree(file.toFile());
        try (PreparedStatement ps =
                c.prepareStatement(
                        """
                INSERT INTO areas (code, name, ward, population, geometry, cultural_house_lat,
                    cultural_house_lon) VALUES (?, ?, ?, ?, CAST(? AS jsonb), ?, ?)""")) {
            for (JsonNode f : root.path("features")) {
                JsonNode p = f.path("properties");
                ps.setString(1, p.path("code").asText());
                ps.setString(2, p.path("name").asText());
                ps.setString(3, p.path("ward").asText());
                ps.setInt(4, p.path("population").asInt());
                ps.setString(5, f.path("geometry").toString());
                ps.setDouble(6, p.path("culturalHouse").path(1).asDouble());
                ps.setDouble(7, p.path("culturalHouse").path(0).asDouble());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static void importReferences(DataSource ds) throws IOException, SQLException {
        try (Reader csv =
                new InputStreamReader(
                        Seed.class.getResourceAsStream("/vnnic-reference-2026-10.csv"),
                        StandardCharsets.UTF_8)) {
            new ReferenceMediansImport(ds).importCsv(csv, "VNNIC i-Speed 10/2026 (test)");
        } catch (ReferenceCsvException e) {
            throw new IllegalStateException("the seed CSV is invalid: " + e.getMessage(), e);
        }
    }

    private static Array textArray(Connection c, List<String> values) throws SQLException {
        return c.createArrayOf("text", values.toArray());
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }
}
