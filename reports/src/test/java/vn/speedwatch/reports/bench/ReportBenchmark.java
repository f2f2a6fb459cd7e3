package vn.speedwatch.reports.bench;

import com.datadoghq.sketch.ddsketch.DDSketch;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import javax.sql.DataSource;
import vn.speedwatch.model.AccessType;
import vn.speedwatch.model.AreaRegistry;
import vn.speedwatch.model.Operator;
import vn.speedwatch.model.QcvnThresholds;
import vn.speedwatch.model.QualitySketch;
import vn.speedwatch.reports.GeneratedReport;
import vn.speedwatch.reports.ProgressListener;
import vn.speedwatch.reports.ReportGenerator;
import vn.speedwatch.reports.ReportRequest;
import vn.speedwatch.reports.ReportsConfig;
import vn.speedwatch.warehouse.AggregateRepository;
import vn.speedwatch.warehouse.QualityAggregateRow;
import vn.speedwatch.warehouse.Warehouse;
import vn.speedwatch.warehouse.WarehouseConfig;

/**
 * Time to generate every operator's report for a month of 1 M (or more) measurements, seeded as the
 * day aggregates the pipeline would write for them (no raw rows: reports never read them). Not a
 * test: run {@code bench/reports/run}. Target ≤ 5 s.
 */
public final class ReportBenchmark {

    static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";
    static final YearMonth MONTH = YearMonth.of(2026, 10);
    static final ZoneId ZONE = ReportsConfig.VIETNAM;
    static final AccessType[] ACCESS = {
        AccessType.FIXED_FIBER, AccessType.MOBILE_4G, AccessType.MOBILE_5G, AccessType.PUBLIC_WIFI
    };

    private ReportBenchmark() {}

    /** Args: measurements per month, one size or several comma-separated (default 1 M). */
    public static void main(String[] args) throws Exception {
        String sizes = args.length > 0 ? args[0] : "1000000";
        List<String> rows = new ArrayList<>();
        for (String size : sizes.split(",")) {
            rows.add(measure(Integer.parseInt(size.trim())));
        }
        System.out.println();
        System.out.println(
                "| measurements in the month | day rows | reports | first run s"
                        + " (cold JVM) | second run s (warm) | ≤ 5 s |");
        System.out.println("|---:|---:|---:|---:|---:|:-:|");
        rows.forEach(System.out::println);
    }

    /** One month of {@code measurements} in a fresh database: generates every report twice. */
    private static String measure(int measurements) throws Exception {
        String name = "sw_bench_reports_" + System.currentTimeMillis();
        admin("CREATE DATABASE " + name);
        try (HikariDataSource ds =
                Warehouse.open(new WarehouseConfig(SERVER + name, "postgres", "", 4))) {
            Warehouse.migrate(ds);
            List<String> tdps =
                    AreaRegistry.loadSample().areas().stream().map(a -> a.code()).toList();
            long t0 = System.nanoTime();
            int rows = seed(ds, tdps, measurements);
            System.err.printf(
                    "[reports bench] seeded %,d measurements as %,d day rows in %.1f s%n",
                    measurements, rows, (System.nanoTime() - t0) / 1e9);
            ReportGenerator generator =
                    new ReportGenerator(
                            ds,
                            ReportsConfig.defaults(),
                            AreaRegistry.loadSample().areas(),
                            QcvnThresholds.load(),
                            Clock.systemUTC());
            Path out = Files.createTempDirectory("speedwatch-bench");
            double[] seconds = new double[2];
            int count = 0;
            for (int run = 0; run < 2; run++) {
                long start = System.nanoTime();
                List<GeneratedReport> reports =
                        generator.generate(
                                new ReportRequest(MONTH, Optional.empty(), out, "benchmark"),
                                ProgressListener.NONE);
                seconds[run] = (System.nanoTime() - start) / 1e9;
                count = reports.size();
            }
            deleteTree(out);
            System.out.printf(
                    java.util.Locale.ROOT,
                    "@bench reports_%d_cold_s %.3f%n",
                    measurements,
                    seconds[0]);
            System.out.printf(
                    java.util.Locale.ROOT,
                    "@bench reports_%d_warm_s %.3f%n",
                    measurements,
                    seconds[1]);
            return String.format(
                    java.util.Locale.ROOT,
                    "| %,d | %,d | %d | %.2f | %.2f | %s |",
                    measurements,
                    rows,
                    count,
                    seconds[0],
                    seconds[1],
                    Math.max(seconds[0], seconds[1]) <= 5 ? "yes" : "**no**");
        } finally {
            admin("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        }
    }

    private static void deleteTree(Path root) throws java.io.IOException {
        try (var paths = Files.walk(root)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static void admin(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(SERVER + "postgres", "postgres", "");
                Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    private static int seed(DataSource ds, List<String> tdps, int measurements) {
        List<Operator> operators =
                List.of(
                        Operator.VNPT,
                        Operator.VIETTEL,
                        Operator.FPT,
                        Operator.MOBIFONE,
                        Operator.VIETNAMOBILE,
                        Operator.CMC,
                        Operator.SCTV);
        int days = MONTH.lengthOfMonth();
        int cells = operators.size() * tdps.size() * ACCESS.length;
        int perRow = Math.max(1, measurements / (cells * days));
        AggregateRepository repo = new AggregateRepository(ds);
        Random random = new Random(42);
        int rows = 0;
        for (Operator op : operators) {
            List<QualityAggregateRow> batch = new ArrayList<>();
            for (String tdp : tdps) {
                for (AccessType access : ACCESS) {
                    double median =
                            access.isFixed() ? 200 : access == AccessType.MOBILE_5G ? 150 : 40;
                    for (int d = 1; d <= days; d++) {
                        batch.add(dayRow(op, tdp, access, MONTH.atDay(d), perRow, median, random));
                    }
                }
            }
            rows += repo.upsert(batch);
        }
        return rows;
    }

    private static QualityAggregateRow dayRow(
            Operator op,
            String tdp,
            AccessType access,
            LocalDate day,
            int n,
            double median,
            Random random) {
        DDSketch down = QualitySketch.create();
        DDSketch up = QualitySketch.create();
        DDSketch lat = QualitySketch.create();
        double sumDown = 0;
        double sumUp = 0;
        double sumLat = 0;
        long below = 0;
        for (int i = 0; i < n; i++) {
            double d = median * Math.exp(0.5 * random.nextGaussian());
            double u = d * 0.4;
            double l = 10 + 40 * random.nextDouble();
            QualitySketch.add(down, d);
            QualitySketch.add(up, u);
            QualitySketch.add(lat, l);
            sumDown += d;
            sumUp += u;
            sumLat += l;
            below += d < 40 ? 1 : 0;
        }
        long evaluated = access == AccessType.PUBLIC_WIFI ? 0 : n;
        below = evaluated == 0 ? 0 : below;
        return new QualityAggregateRow(
                QualityAggregateRow.DAY,
                day.atStartOfDay(ZONE).toInstant(),
                tdp,
                op.name(),
                access.name(),
                n,
                Math.max(1, n / 3),
                sumDown / n,
                QualitySketch.quantile(down, 0.5),
                QualitySketch.quantile(down, 0.1),
                QualitySketch.quantile(down, 0.9),
                sumUp / n,
                QualitySketch.quantile(up, 0.5),
                QualitySketch.quantile(up, 0.1),
                QualitySketch.quantile(up, 0.9),
                sumLat / n,
                QualitySketch.quantile(lat, 0.5),
                QualitySketch.quantile(lat, 0.1),
                QualitySketch.quantile(lat, 0.9),
                evaluated,
                below,
                evaluated == 0 ? null : (double) below / evaluated,
                QualitySketch.toBytes(down),
                QualitySketch.toBytes(up),
                QualitySketch.toBytes(lat));
    }
}
