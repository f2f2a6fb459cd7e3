package vn.speedwatch.dashboards.bench;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;
import vn.speedwatch.dashboards.RenderedQueries;
import vn.speedwatch.dashboards.Seed;
import vn.speedwatch.warehouse.Warehouse;
import vn.speedwatch.warehouse.WarehouseConfig;

/**
 * p50/p95 latency of every panel query (variables on "All") over a seeded month: on PostgreSQL with
 * ≈ 10 M measurements (aggregates as the pipeline writes them, plus the raw rows that the
 * raw-reading panels scan), or on the WebAssembly TimescaleDB test server at the largest raw size
 * it holds. Not a test: run it with {@code bench/dashboards/run [postgres|timescale]}.
 */
public final class PanelQueryBenchmark {

    private static final int WARMUP = 1;
    private static final int MIN_RUNS = 5;
    private static final int MAX_RUNS = 20;

    /**
     * Stop repeating a query after this long (seconds, system property {@code bench.query-budget},
     * default 15); slow queries still get MIN_RUNS samples.
     */
    private static final long BUDGET_NANOS =
            Long.getLong("bench.query-budget", 15) * 1_000_000_000L;

    /** Time ratio above the rows ratio by more than this factor counts as super-linear. */
    private static final double GROWTH_TOLERANCE = 1.25;

    /** Raw rows inserted into the indexed table; more are bulk-loaded ({@link Seed#addRawBulk}). */
    private static final long SEED_WITH_INDEXES = 1_000_000;

    /**
     * The month whose aggregates are seeded: ≈ 10 M measurements' worth, or with {@code
     * -Dbench.month=small} (bench/run --quick) the light test month, which seeds in seconds where
     * the full one takes minutes, on the WebAssembly server most of all.
     */
    static final Seed.Scale MONTH =
            "small".equals(System.getProperty("bench.month"))
                    ? Seed.Scale.TIMESCALE_TEST
                    : Seed.Scale.MONTH_10M;

    private PanelQueryBenchmark() {}

    public static void main(String[] args) throws Exception {
        String target = args.length > 0 ? args[0] : "postgres";
        String option = args.length > 1 ? args[1] : "";
        if (target.equals("timescale")) {
            TimescaleBench.run(
                    option.isEmpty() ? 15 : Long.parseLong(option),
                    args.length > 2 ? Long.parseLong(args[2]) : 1_000_000,
                    args.length > 3 ? Long.parseLong(args[3]) : Seed.Scale.MONTH_10M.rawRows());
        } else if (target.equals("growth")) {
            growth(
                    option.isEmpty()
                            ? List.of(1_000_000L, 10_000_000L)
                            : java.util.Arrays.stream(option.split(","))
                                    .map(Long::parseLong)
                                    .toList());
        } else {
            postgres(option);
        }
    }

    /**
     * A throw-away database, seeded; option "keep" leaves it for EXPLAIN, option "sw_bench_…"
     * measures such a kept database (or a "sw_kept_…" one from growth) again without seeding, after
     * migrating it.
     */
    private static void postgres(String option) throws Exception {
        boolean reuse = option.startsWith("sw_bench_") || option.startsWith("sw_kept_");
        String name = reuse ? option : "sw_bench_" + Long.toHexString(System.nanoTime());
        if (!reuse) {
            admin("CREATE DATABASE " + name);
        }
        String url = "jdbc:postgresql://127.0.0.1:5432/" + name;
        try (HikariDataSource ds = Warehouse.open(new WarehouseConfig(url, "postgres", "", 2))) {
            // A kept database takes the migrations added since it was seeded.
            Warehouse.migrate(ds);
            if (!reuse) {
                long t0 = System.nanoTime();
                Seed.seed(ds, MONTH);
                System.out.printf(
                        Locale.ROOT,
                        "Seeded PostgreSQL %s in %.0f s: %s%n",
                        name,
                        (System.nanoTime() - t0) / 1e9,
                        sizes(ds));
            }
            Map<String, Sample> r = measure(ds, "PostgreSQL " + serverVersion(ds));
            if (reuse) {
                // A kept growth database: the same @bench lines as growth, for bench/run.
                long size = heldRawRows(ds);
                summary(r, "pg_" + size);
                System.out.printf(
                        Locale.ROOT, "@bench pg_%d_db_bytes %d%n", size, databaseBytes(ds));
                System.out.printf(
                        Locale.ROOT, "@bench pg_%d_raw_bytes %d%n", size, rawTableBytes(ds));
            }
        } finally {
            if (!option.equals("keep") && !reuse) {
                admin("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            }
        }
    }

    /**
     * The growth curve on PostgreSQL: the month's aggregates plus {@code sizes[0]} raw rows,
     * measured; raw rows added up to each next size, analysed, measured again. Prints each size's
     * table, then per panel the p50 ratio between the last and first size next to the ratio of
     * rows, flagging super-linear growth, and {@code @bench} lines for bench/run.
     */
    private static void growth(List<Long> sizes) throws Exception {
        // A kept database is named apart from the throw-away ones that bench/run drops at exit.
        boolean keep = "1".equals(System.getenv("BENCH_KEEP_DB"));
        String name = (keep ? "sw_kept_" : "sw_bench_") + Long.toHexString(System.nanoTime());
        admin("CREATE DATABASE " + name);
        String url = "jdbc:postgresql://127.0.0.1:5432/" + name;
        List<Map<String, Sample>> results = new ArrayList<>();
        try (HikariDataSource ds = Warehouse.open(new WarehouseConfig(url, "postgres", "", 2))) {
            Warehouse.migrate(ds);
            long held = 0;
            for (long size : sizes) {
                long t0 = System.nanoTime();
                if (held == 0) {
                    held = Math.min(size, SEED_WITH_INDEXES);
                    Seed.seed(ds, MONTH.withRawRows(held));
                }
                if (size > held) {
                    Seed.addRawBulk(ds, MONTH, held, size - held);
                }
                held = size;
                analyze(ds);
                double seeded = (System.nanoTime() - t0) / 1e9;
                System.err.printf(
                        Locale.ROOT,
                        "[dashboards bench] %,d raw rows seeded in %.0f s%n",
                        size,
                        seeded);
                System.out.printf(Locale.ROOT, "@bench pg_%d_seed_s %.1f%n", size, seeded);
                System.out.printf(
                        Locale.ROOT, "%nSeeded %s; database %s%n", sizes(ds), databaseSize(ds));
                Map<String, Sample> r =
                        measure(
                                ds,
                                String.format(
                                        Locale.ROOT,
                                        "PostgreSQL %s at %,d raw rows",
                                        serverVersion(ds),
                                        size));
                results.add(r);
                summary(r, "pg_" + size);
                System.out.printf(
                        Locale.ROOT, "@bench pg_%d_db_bytes %d%n", size, databaseBytes(ds));
                System.out.printf(
                        Locale.ROOT, "@bench pg_%d_raw_bytes %d%n", size, rawTableBytes(ds));
            }
        } finally {
            // BENCH_KEEP_DB=1 keeps the largest size for `postgres sw_bench_…` re-runs: seeding
            // 100 M rows takes most of an hour.
            if (keep) {
                System.err.println("[dashboards bench] kept database " + name);
            } else {
                admin("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            }
        }
        if (results.size() > 1) {
            printGrowth(
                    results.get(0),
                    results.get(results.size() - 1),
                    sizes.get(sizes.size() - 1) / (double) sizes.get(0),
                    "pg");
        }
    }

    /** Prints the {@code @bench} summary of one size: worst panel p95 and panels over 100 ms. */
    static void summary(Map<String, Sample> r, String prefix) {
        double worst = r.values().stream().mapToDouble(Sample::p95).max().orElse(Double.NaN);
        long over = r.values().stream().filter(x -> x.p95() > 100).count();
        System.out.printf(Locale.ROOT, "@bench %s_panels %d%n", prefix, r.size());
        System.out.printf(Locale.ROOT, "@bench %s_p95_max_ms %.1f%n", prefix, worst);
        System.out.printf(Locale.ROOT, "@bench %s_over_100ms %d%n", prefix, over);
    }

    /**
     * Per panel: p50 at the larger size / p50 at the smaller, against the rows ratio. Queries under
     * 2 ms at the larger size are timer noise and never flagged.
     */
    static void printGrowth(
            Map<String, Sample> small, Map<String, Sample> large, double rowsRatio, String prefix) {
        System.out.printf(
                Locale.ROOT, "%nGrowth: p50 time ratio vs raw rows ratio (%.0f×)%n%n", rowsRatio);
        System.out.println("| panel | p50 ms small | p50 ms large | time ratio | super-linear? |");
        System.out.println("|---|---:|---:|---:|:-:|");
        int superLinear = 0;
        double worst = 0;
        for (Map.Entry<String, Sample> e : large.entrySet()) {
            Sample a = small.get(e.getKey());
            if (a == null) {
                continue;
            }
            double ratio = e.getValue().p50() / Math.max(a.p50(), 0.01);
            boolean flagged = e.getValue().p50() >= 2 && ratio > rowsRatio * GROWTH_TOLERANCE;
            superLinear += flagged ? 1 : 0;
            worst = Math.max(worst, e.getValue().p50() >= 2 ? ratio : 0);
            System.out.printf(
                    Locale.ROOT,
                    "| %s | %.1f | %.1f | %.2f | %s |%n",
                    e.getKey(),
                    a.p50(),
                    e.getValue().p50(),
                    ratio,
                    flagged ? "**yes**" : "no");
        }
        System.out.printf(Locale.ROOT, "@bench %s_growth_rows_ratio %.1f%n", prefix, rowsRatio);
        System.out.printf(Locale.ROOT, "@bench %s_growth_max_ratio %.2f%n", prefix, worst);
        System.out.printf(Locale.ROOT, "@bench %s_growth_superlinear %d%n", prefix, superLinear);
    }

    private static void analyze(DataSource ds) throws SQLException {
        try (Connection c = ds.getConnection();
                Statement st = c.createStatement()) {
            st.execute("VACUUM ANALYZE");
        }
    }

    private static long databaseBytes(DataSource ds) throws SQLException {
        return scalar(ds, "SELECT pg_database_size(current_database())");
    }

    /** Table, indexes and TOAST of measurements_raw: what each raw row costs on disk. */
    private static long rawTableBytes(DataSource ds) throws SQLException {
        return scalar(ds, "SELECT pg_total_relation_size('measurements_raw')");
    }

    /**
     * The raw rows of an analysed database to the nearest million (growth seeds whole millions):
     * counting 100 M rows would read the whole table.
     */
    private static long heldRawRows(DataSource ds) throws SQLException {
        long estimate =
                scalar(
                        ds,
                        "SELECT reltuples::bigint FROM pg_class WHERE oid = 'measurements_raw'::regclass");
        return Math.round(estimate / 1e6) * 1_000_000L;
    }

    private static long scalar(DataSource ds, String sql) throws SQLException {
        try (Connection c = ds.getConnection();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String databaseSize(DataSource ds) throws SQLException {
        return String.format(Locale.ROOT, "%.2f GB", databaseBytes(ds) / 1e9);
    }

    /** Runs every panel query and prints one Markdown table row per query. */
    static Map<String, Sample> measure(DataSource ds, String label) throws SQLException {
        Map<String, String> queries = RenderedQueries.all(ds);
        System.out.println(
                "\n"
                        + label
                        + " — "
                        + queries.size()
                        + " panel queries, variables"
                        + " on All, p95 target 100 ms\n");
        System.out.println("| panel | rows | runs | p50 ms | p95 ms | ≤ 100 ms |");
        System.out.println("|---|---:|---:|---:|---:|:-:|");
        int over = 0;
        Map<String, Sample> out = new java.util.LinkedHashMap<>();
        for (Map.Entry<String, String> q : queries.entrySet()) {
            Sample s = time(ds, q.getValue());
            out.put(q.getKey(), s);
            over += s.p95() > 100 ? 1 : 0;
            System.out.printf(
                    Locale.ROOT,
                    "| %s | %d | %d | %.1f | %.1f | %s |%n",
                    q.getKey(),
                    s.rows(),
                    s.runs(),
                    s.p50(),
                    s.p95(),
                    s.p95() <= 100 ? "yes" : "**no**");
        }
        System.out.printf(
                Locale.ROOT,
                "%n%d of %d queries over the 100 ms p95 target%n",
                over,
                queries.size());
        return out;
    }

    private static Sample time(DataSource ds, String sql) throws SQLException {
        List<Double> ms = new ArrayList<>();
        int rows = 0;
        long start = System.nanoTime();
        try (Connection c = ds.getConnection();
                Statement st = c.createStatement()) {
            for (int i = 0; i < WARMUP + MAX_RUNS; i++) {
                long t = System.nanoTime();
                rows = 0;
                try (ResultSet rs = st.executeQuery(sql)) {
                    while (rs.next()) {
                        rows++;
                    }
                }
                if (i >= WARMUP) {
                    ms.add((System.nanoTime() - t) / 1e6);
                }
                if (ms.size() >= MIN_RUNS && System.nanoTime() - start > BUDGET_NANOS) {
                    break;
                }
            }
        }
        Collections.sort(ms);
        return new Sample(rows, ms.size(), percentile(ms, 0.50), percentile(ms, 0.95));
    }

    /** Nearest-rank percentile. */
    private static double percentile(List<Double> sorted, double p) {
        int rank = (int) Math.ceil(p * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }

    static String sizes(DataSource ds) throws SQLException {
        try (Connection c = ds.getConnection();
                Statement st = c.createStatement();
                ResultSet rs =
                        st.executeQuery(
                                """
                        SELECT (SELECT count(*) FROM measurements_raw),
                               (SELECT count(*) FROM quality_aggregates WHERE resolution = 'hour'),
                               (SELECT count(*) FROM quality_aggregates WHERE resolution = 'day'),
                               (SELECT sum(sample_count) FROM quality_aggregates
                                 WHERE resolution = 'day'),
                               (SELECT count(*) FROM heatmap_cells)""")) {
            rs.next();
            return String.format(
                    Locale.ROOT,
                    "%,d raw rows; %,d hourly + %,d daily aggregate"
                            + " rows standing for %,d measurements; %,d heatmap cells",
                    rs.getLong(1),
                    rs.getLong(2),
                    rs.getLong(3),
                    rs.getLong(4),
                    rs.getLong(5));
        }
    }

    private static String serverVersion(DataSource ds) throws SQLException {
        try (Connection c = ds.getConnection();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SHOW server_version")) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static void admin(String sql) throws SQLException {
        try (Connection c =
                        DriverManager.getConnection(
                                "jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "");
                Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    record Sample(int rows, int runs, double p50, double p95) {}
}
