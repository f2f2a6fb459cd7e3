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
 * p50/p95 latency of every panel query (variables on "All") over a seeded month: on PostgreSQL
 * with ≈ 10 M measurements (aggregates as the pipeline writes them, plus the raw rows that the
 * raw-reading panels scan), or on the WebAssembly TimescaleDB test server at the largest raw size
 * it holds. Not a test: run it with {@code bench/dashboards/run [postgres|timescale]}.
 */
public final class PanelQueryBenchmark {

    private static final int WARMUP = 1;
    private static final int MIN_RUNS = 5;
    private static final int MAX_RUNS = 20;
    /** Stop repeating a query after this long; slow queries still get MIN_RUNS samples. */
    private static final long BUDGET_NANOS = 15_000_000_000L;

    private PanelQueryBenchmark() {}

    public static void main(String[] args) throws Exception {
        String target = args.length > 0 ? args[0] : "postgres";
        String option = args.length > 1 ? args[1] : "";
        if (target.equals("timescale")) {
            TimescaleBench.run(option.isEmpty() ? 15 : Long.parseLong(option));
        } else {
            postgres(option);
        }
    }

    /**
     * A throw-away database, seeded; option "keep" leaves it for EXPLAIN, option "sw_bench_…"
     * measures such a kept database again without seeding.
     */
    private static void postgres(String option) throws Exception {
        boolean reuse = option.startsWith("sw_bench_");
        String name = reuse ? option : "sw_bench_" + Long.toHexString(System.nanoTime());
        if (!reuse) {
            admin("CREATE DATABASE " + name);
        }
        String url = "jdbc:postgresql://127.0.0.1:5432/" + name;
        try (HikariDataSource ds = Warehouse.open(new WarehouseConfig(url, "postgres", "", 2))) {
            if (!reuse) {
                Warehouse.migrate(ds);
                long t0 = System.nanoTime();
                Seed.seed(ds, Seed.Scale.MONTH_10M);
                System.out.printf(Locale.ROOT, "Seeded PostgreSQL %s in %.0f s: %s%n", name,
                        (System.nanoTime() - t0) / 1e9, sizes(ds));
            }
            measure(ds, "PostgreSQL " + serverVersion(ds));
        } finally {
            if (!option.equals("keep") && !reuse) {
                admin("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            }
        }
    }

    /** Runs every panel query and prints one Markdown table row per query. */
    static void measure(DataSource ds, String label) throws SQLException {
        Map<String, String> queries = RenderedQueries.all(ds);
        System.out.println("\n" + label + " — " + queries.size() + " panel queries, variables"
                + " on All, p95 target 100 ms\n");
        System.out.println("| panel | rows | runs | p50 ms | p95 ms | ≤ 100 ms |");
        System.out.println("|---|---:|---:|---:|---:|:-:|");
        int over = 0;
        for (Map.Entry<String, String> q : queries.entrySet()) {
            Sample s = time(ds, q.getValue());
            over += s.p95() > 100 ? 1 : 0;
            System.out.printf(Locale.ROOT, "| %s | %d | %d | %.1f | %.1f | %s |%n", q.getKey(),
                    s.rows(), s.runs(), s.p50(), s.p95(), s.p95() <= 100 ? "yes" : "**no**");
        }
        System.out.printf(Locale.ROOT, "%n%d of %d queries over the 100 ms p95 target%n", over,
                queries.size());
    }

    private static Sample time(DataSource ds, String sql) throws SQLException {
        List<Double> ms = new ArrayList<>();
        int rows = 0;
        long start = System.nanoTime();
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
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
        try (Connection c = ds.getConnection(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("""
                        SELECT (SELECT count(*) FROM measurements_raw),
                               (SELECT count(*) FROM quality_aggregates WHERE resolution = 'hour'),
                               (SELECT count(*) FROM quality_aggregates WHERE resolution = 'day'),
                               (SELECT sum(sample_count) FROM quality_aggregates
                                 WHERE resolution = 'day'),
                               (SELECT count(*) FROM heatmap_cells)""")) {
            rs.next();
            return String.format(Locale.ROOT, "%,d raw rows; %,d hourly + %,d daily aggregate"
                    + " rows standing for %,d measurements; %,d heatmap cells", rs.getLong(1),
                    rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5));
        }
    }

    private static String serverVersion(DataSource ds) throws SQLException {
        try (Connection c = ds.getConnection(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SHOW server_version")) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static void admin(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(
                        "jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "");
                Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    record Sample(int rows, int runs, double p50, double p95) {}
}
