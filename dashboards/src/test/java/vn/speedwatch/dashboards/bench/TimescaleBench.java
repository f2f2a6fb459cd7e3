package vn.speedwatch.dashboards.bench;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import vn.speedwatch.dashboards.Seed;
import vn.speedwatch.warehouse.Warehouse;
import vn.speedwatch.warehouse.WarehouseConfig;
import vn.speedwatch.warehouse.testing.NodeProcess;
import vn.speedwatch.warehouse.testing.TimescaleServer;

/**
 * The benchmark on the WebAssembly TimescaleDB test server (PGlite, 32-bit address space): seeds
 * the month's aggregates at the 10 M scale, then adds raw rows in chunks until the server fails, 10
 * M are in or the time budget is spent; then measures at the largest size that held.
 */
final class TimescaleBench {

    private TimescaleBench() {}

    /**
     * Seeds the aggregates and {@code chunk} raw rows and measures; then adds chunks while the
     * server holds them, {@code max} is not reached and {@code budgetMinutes} last, and measures
     * again at the size reached (on a fresh server if the last chunk killed it), printing the
     * growth between the two.
     */
    static void run(long budgetMinutes, long chunk, long max) throws Exception {
        long deadline = System.nanoTime() + Math.max(1, budgetMinutes) * 60_000_000_000L;
        long held;
        boolean died;
        Map<String, PanelQueryBenchmark.Sample> first;
        Map<String, PanelQueryBenchmark.Sample> last = null;
        try (NodeProcess server = startServer();
                HikariDataSource ds = dataSource(server)) {
            Warehouse.migrate(ds);
            long t0 = System.nanoTime();
            Seed.seed(ds, PanelQueryBenchmark.MONTH.withRawRows(chunk));
            held = chunk;
            System.out.printf(
                    Locale.ROOT,
                    "aggregates + %,d raw rows seeded in %.0f s%n",
                    held,
                    (System.nanoTime() - t0) / 1e9);
            first = measureAt(ds, held);
            String stop = max + " raw rows reached";
            while (held < max) {
                if (System.nanoTime() > deadline) {
                    stop = "time budget of " + budgetMinutes + " min spent";
                    break;
                }
                try {
                    Seed.addRaw(ds, PanelQueryBenchmark.MONTH, held, Math.min(chunk, max - held));
                    held += Math.min(chunk, max - held);
                    System.err.printf(
                            Locale.ROOT,
                            "[timescale bench] %,d raw rows held (%.0f s)%n",
                            held,
                            (System.nanoTime() - t0) / 1e9);
                } catch (SQLException e) {
                    stop =
                            "adding rows beyond "
                                    + held
                                    + " failed: "
                                    + e.getMessage()
                                    + "\nserver stderr tail:\n"
                                    + server.stderrTail();
                    break;
                }
            }
            System.out.println("Probe stopped: " + stop);
            System.out.printf(Locale.ROOT, "@bench ts_held_rows %d%n", held);
            died = !server.isAlive();
            if (!died && held > chunk) {
                last = measureAt(ds, held);
            }
        }
        if (died && held > chunk) {
            try (NodeProcess server = startServer();
                    HikariDataSource ds = dataSource(server)) {
                Warehouse.migrate(ds);
                Seed.seed(ds, PanelQueryBenchmark.MONTH.withRawRows(held));
                last = measureAt(ds, held);
            }
        }
        PanelQueryBenchmark.summary(first, "ts_" + chunk);
        if (last != null) {
            PanelQueryBenchmark.summary(last, "ts_" + held);
            PanelQueryBenchmark.printGrowth(first, last, held / (double) chunk, "ts");
        }
    }

    private static Map<String, PanelQueryBenchmark.Sample> measureAt(
            HikariDataSource ds, long rawRows) throws SQLException {
        System.out.printf(
                Locale.ROOT,
                "%nMeasuring at %,d raw rows: %s%n",
                rawRows,
                PanelQueryBenchmark.sizes(ds));
        return PanelQueryBenchmark.measure(
                ds,
                String.format(
                        Locale.ROOT,
                        "TimescaleDB test server (PGlite WebAssembly) at %,d raw rows",
                        rawRows));
    }

    /** The test server, found and checked as the warehouse tests find it. */
    private static NodeProcess startServer() {
        return NodeProcess.start(TimescaleServer.toolDir(), Duration.ofSeconds(90));
    }

    private static HikariDataSource dataSource(NodeProcess server) {
        String url = "jdbc:postgresql://127.0.0.1:" + server.port() + "/postgres?sslmode=disable";
        return Warehouse.open(new WarehouseConfig(url, "postgres", "test", 1));
    }
}
