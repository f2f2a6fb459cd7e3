package vn.speedwatch.dashboards.bench;

import com.zaxxer.hikari.HikariDataSource;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import vn.speedwatch.dashboards.Seed;
import vn.speedwatch.warehouse.Warehouse;
import vn.speedwatch.warehouse.WarehouseConfig;

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
        try (Server server = Server.start();
                HikariDataSource ds = server.dataSource()) {
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
                                    + server.stderr();
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
            try (Server server = Server.start();
                    HikariDataSource ds = server.dataSource()) {
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

    /** {@code node server.mjs 0} in tools/timescaledb-test, stopped on close. */
    static final class Server implements AutoCloseable {
        private final Process process;
        private final StringBuilder stderr = new StringBuilder();
        private final CompletableFuture<Integer> port = new CompletableFuture<>();

        private Server(Process process) {
            this.process = process;
            daemon(() -> readStdout());
            daemon(() -> readStderr());
        }

        static Server start() throws Exception {
            Path dir = Path.of("tools/timescaledb-test");
            if (!Files.isRegularFile(dir.resolve("server.mjs"))) {
                throw new IllegalStateException(
                        "run from the repository root: " + dir + "/server.mjs not found");
            }
            Process node =
                    new ProcessBuilder("node", "server.mjs", "0").directory(dir.toFile()).start();
            // A benchmark stopped by a signal never reaches close(): do not leave node behind.
            Runtime.getRuntime().addShutdownHook(new Thread(node::destroyForcibly));
            Server s = new Server(node);
            s.port.get(90, TimeUnit.SECONDS);
            return s;
        }

        HikariDataSource dataSource() {
            String url = "jdbc:postgresql://127.0.0.1:" + port.join() + "/postgres?sslmode=disable";
            return Warehouse.open(new WarehouseConfig(url, "postgres", "test", 1));
        }

        boolean isAlive() {
            return process.isAlive();
        }

        String stderr() {
            synchronized (stderr) {
                int from = Math.max(0, stderr.length() - 4000);
                return stderr.substring(from);
            }
        }

        @Override
        public void close() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }

        private void readStdout() {
            try (BufferedReader r = reader(process.getInputStream())) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    if (line.startsWith("READY ")) {
                        port.complete(Integer.parseInt(line.substring(6).trim()));
                    }
                }
            } catch (IOException e) {
                port.completeExceptionally(e);
            }
            // stderr is read on another thread: give it a moment to take the last lines.
            try {
                process.waitFor(2, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            port.completeExceptionally(
                    new IllegalStateException("the test server exited:\n" + stderr()));
        }

        private void readStderr() {
            try (BufferedReader r = reader(process.getErrorStream())) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    synchronized (stderr) {
                        stderr.append(line).append('\n');
                    }
                }
            } catch (IOException e) {
                // the stream ends with the process
            }
        }

        private static BufferedReader reader(java.io.InputStream in) {
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        }

        private static void daemon(Runnable r) {
            Thread t = new Thread(r, "timescale-bench-io");
            t.setDaemon(true);
            t.start();
        }
    }
}
