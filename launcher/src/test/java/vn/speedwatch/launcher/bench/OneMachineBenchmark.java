package vn.speedwatch.launcher.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The whole system in one process ({@code speedwatch run} in a child JVM, fresh database on the
 * machine's PostgreSQL): sustained measurements/s from HTTP to the hourly aggregate table,
 * freshness (202 → aggregate row visible) at 50 % and 90 % of that rate, and the resident set idle,
 * under load and with 100 / 1,000 / 10,000 synthetic areas. Prints Markdown tables and
 * {@code @bench key value} lines for {@code bench/run}. Not a test: {@code bench/launcher/run}.
 */
public final class OneMachineBenchmark {

    /** One probe test this often during a freshness phase: ~100 samples in 40 s. */
    private static final Duration PROBE_CADENCE = Duration.ofMillis(400);

    /** A probe not in the aggregates this long after its 202 fails the phase. */
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(60);

    private final boolean quick;

    /** A sustained rate given on the command line: the search is skipped. */
    private final double givenRate;

    /** Only the system phase (sustained rate, freshness), no synthetic areas. */
    private final boolean systemOnly;

    private final Path root;
    private final List<String> rows = new ArrayList<>();
    private List<String> searchTable = List.of();

    /** How long a freshly started system idles before its resident set is read. */
    private final Duration idle;

    private OneMachineBenchmark(boolean quick, double givenRate, boolean systemOnly, Path root) {
        this.quick = quick;
        this.givenRate = givenRate;
        this.systemOnly = systemOnly;
        this.root = root;
        this.idle = Duration.ofSeconds(quick ? 2 : 5);
    }

    public static void main(String[] args) throws Exception {
        List<String> a = List.of(args);
        boolean quick = a.contains("quick");
        // --rate=N: freshness at 50/90 % of N without searching (before/after comparisons of
        // the freshness phases alone); --system-only: no synthetic-area steps.
        double rate =
                a.stream()
                        .filter(s -> s.startsWith("--rate="))
                        .mapToDouble(s -> Double.parseDouble(s.substring("--rate=".length())))
                        .findFirst()
                        .orElse(0);
        boolean systemOnly = a.contains("--system-only");
        Path root = Files.createTempDirectory("sw-bench-launcher");
        try {
            new OneMachineBenchmark(quick, rate, systemOnly, root).run();
        } catch (Exception e) {
            keepLogs(root);
            throw e;
        } finally {
            deleteTree(root);
        }
        System.exit(0);
    }

    private void run() throws Exception {
        double sustained = system();
        List<Integer> areaCounts =
                systemOnly
                        ? List.<Integer>of()
                        : quick ? List.of(100) : List.of(100, 1_000, 10_000);
        for (int n : areaCounts) {
            // A quarter of the sustained rate: a freshly started JVM, still compiling, must not
            // be pushed into shedding load while only its memory is measured.
            areas(n, Math.min(500, sustained / 4));
        }
        System.out.println();
        System.out.println(
                "How the sustained rate was found: each step offers batches of 100 at a"
                        + " fixed rate; it keeps pace when the backlog (accepted − aggregated) grows by at"
                        + " most "
                        + Math.round(100 * SustainedRateSearch.MAX_GROWTH_SHARE)
                        + " % of"
                        + " the offered rate over the last two thirds of the window and the collector"
                        + " accepts ≥ "
                        + Math.round(100 * SustainedRateSearch.MIN_ACCEPTED_SHARE)
                        + " % of it; the rate doubles until a step falls behind, then bisects.");
        System.out.println();
        searchTable.forEach(System.out::println);
        System.out.println();
        // A caption of its own, or the raw tables would repeat the search's above it.
        System.out.println("The one-machine runtime at the rate found:");
        System.out.println();
        System.out.println("| one-machine runtime (speedwatch run, child JVM -Xmx512m) | value |");
        System.out.println("|---|---|");
        rows.forEach(System.out::println);
    }

    /** Sustained rate, freshness at 50 % and 90 % of it, resident set idle and under load. */
    private double system() throws Exception {
        try (BenchDatabase db = BenchDatabase.create("e2e");
                LauncherProcess p = start("e2e", db, Map.of())) {
            progress("system ready; idle " + idle.toSeconds() + " s");
            Thread.sleep(idle.toMillis());
            report("rss_idle_mib", p.rssMiB(), "resident set idle", "%.0f MiB");

            RssSampler rss = new RssSampler(p);
            rss.start();
            Duration window = Duration.ofSeconds(quick ? 10 : 30);
            OfferedLoadStep offer =
                    new OfferedLoadStep(p, db, window, OneMachineBenchmark::progress);
            double start = 1_000;
            offer.warmUp(start / 2);
            double sustained;
            if (givenRate > 0) {
                sustained = givenRate;
            } else {
                SustainedRateSearch search = new SustainedRateSearch(offer);
                // Quick mode only doubles: a smoke run needs a rate that keeps pace, not its edge.
                sustained = search.find(start, quick ? 0 : 3);
                searchTable = search.table();
            }
            rss.stop();
            report(
                    "e2e_per_s",
                    sustained,
                    givenRate > 0
                            ? "sustained HTTP → hourly aggregate (given with --rate, not searched)"
                            : "sustained HTTP → hourly aggregate (highest offered"
                                    + " rate the aggregates keep pace with)",
                    "%,.0f measurements/s");
            report("rss_load_mib", rss.max(), "resident set during the search (max)", "%.0f MiB");
            progress(String.format(Locale.ROOT, "sustained %.0f/s", sustained));
            long total = db.aggregated(null);
            for (double share : new double[] {0.5, 0.9}) {
                total += freshness(db, p, share, sustained);
                // The next level starts from an empty backlog.
                db.awaitAggregated(total, Duration.ofSeconds(240));
            }
            report("rss_peak_mib", p.peakRssMiB(), "resident set peak (VmHWM)", "%.0f MiB");
            return sustained;
        }
    }

    /**
     * Background batches at {@code share} of the sustained rate while single probe tests, one every
     * {@link #PROBE_CADENCE} without waiting for each other, are timed from their 202 to the probe
     * cell's count in the aggregate table ({@link ProbeClock}). Returns the number of measurements
     * accepted.
     */
    private long freshness(BenchDatabase db, LauncherProcess p, double share, double sustained)
            throws Exception {
        double rate = share * sustained;
        Duration d = Duration.ofSeconds(quick ? 8 : 40);
        progress(
                String.format(
                        Locale.ROOT,
                        "freshness at %.0f %% (%.0f/s) for %d s",
                        share * 100,
                        rate,
                        d.toSeconds()));
        MeasurementLoad background = new MeasurementLoad(p.api(), false);
        MeasurementLoad probes = new MeasurementLoad(p.api(), false);
        ProbeClock clock =
                new ProbeClock(
                        db.aggregated(MeasurementLoad.PROBE_OPERATOR), PROBE_TIMEOUT.toNanos());
        long t0 = System.nanoTime();
        ScheduledExecutorService sender = Executors.newSingleThreadScheduledExecutor();
        // Probes start once the paced background has reached its rate, and stop 2 s before it.
        sender.scheduleAtFixedRate(
                () -> {
                    if (System.nanoTime() - t0 > d.toNanos() - 2_000_000_000L) {
                        throw new CancellationException("phase over");
                    }
                    if (probes.probe() == 202) {
                        clock.accepted(System.nanoTime());
                    }
                },
                2_000,
                PROBE_CADENCE.toMillis(),
                TimeUnit.MILLISECONDS);
        AtomicReference<Exception> pollFailure = new AtomicReference<>();
        AtomicBoolean sending = new AtomicBoolean(true);
        Thread poller =
                new Thread(
                        () -> {
                            try {
                                while (sending.get() || !clock.allCounted()) {
                                    long count = db.aggregated(MeasurementLoad.PROBE_OPERATOR);
                                    clock.counted(count, System.nanoTime());
                                    Thread.sleep(50);
                                }
                            } catch (Exception e) {
                                pollFailure.set(e);
                            }
                        },
                        "freshness-poller");
        poller.start();
        double elapsed = background.paced(rate, d);
        sender.shutdown();
        sender.awaitTermination(PROBE_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        sending.set(false);
        poller.join();
        background.requireAllAccepted("background load at " + share);
        probes.requireAllAccepted("freshness probes at " + share);
        if (pollFailure.get() != null) {
            throw new IllegalStateException(
                    "freshness probes failed at " + share, pollFailure.get());
        }
        List<Double> seconds = clock.seconds();
        progress(
                "  probe seconds in order: "
                        + seconds.stream()
                                .map(s -> String.format(Locale.ROOT, "%.1f", s))
                                .collect(Collectors.joining(" ")));
        List<Double> sorted = new ArrayList<>(seconds);
        sorted.sort(Comparator.naturalOrder());
        String pct = Integer.toString((int) Math.round(share * 100));
        report(
                "freshness_" + pct + "_rate",
                background.accepted() / elapsed,
                "background rate at " + pct + " % (achieved)",
                "%,.0f measurements/s");
        report(
                "freshness_" + pct + "_p50_s",
                percentile(sorted, 0.50),
                "freshness p50 at " + pct + " % (" + sorted.size() + " probes)",
                "%.2f s");
        report(
                "freshness_" + pct + "_p95_s",
                percentile(sorted, 0.95),
                "freshness p95 at " + pct + " %",
                "%.2f s");
        return background.accepted() + probes.accepted();
    }

    /** Resident set with {@code n} synthetic areas: idle, then under located load. */
    private void areas(int n, double rate) throws Exception {
        Path file =
                SyntheticAreas.write(
                        n, Files.createDirectories(root.resolve("areas")).resolve(n + ".geojson"));
        try (BenchDatabase db = BenchDatabase.create("areas");
                LauncherProcess p =
                        start("areas-" + n, db, Map.of("areas.file", file.toString()))) {
            progress("areas " + n + ": ready; idle " + idle.toSeconds() + " s");
            Thread.sleep(idle.toMillis());
            report(
                    "rss_areas_" + n + "_idle_mib",
                    p.rssMiB(),
                    String.format(Locale.ROOT, "resident set with %,d areas, idle", n),
                    "%.0f MiB");
            MeasurementLoad load = new MeasurementLoad(p.api(), true);
            RssSampler rss = new RssSampler(p);
            rss.start();
            Duration d = Duration.ofSeconds(quick ? 5 : 20);
            double seconds = load.paced(rate, d);
            load.requireAllAccepted("located load with " + n + " areas");
            db.awaitAggregated(load.accepted(), Duration.ofSeconds(240));
            rss.stop();
            report(
                    "rss_areas_" + n + "_load_mib",
                    rss.max(),
                    String.format(
                            Locale.ROOT,
                            "resident set with %,d areas, %,.0f located" + " tests/s (max)",
                            n,
                            load.accepted() / seconds),
                    "%.0f MiB");
        }
    }

    private LauncherProcess start(String name, BenchDatabase db, Map<String, String> extra)
            throws Exception {
        Map<String, String> s = new HashMap<>(extra);
        s.put("db.url", db.jdbcUrl());
        s.put("kafka.port", Integer.toString(freePort()));
        s.put("http.host", "127.0.0.1");
        // The load generator is the reverse proxy of many residents (MeasurementLoad), each
        // posting batches of 100: per-client limits would measure the limiter, and a device cap
        // would keep tests out of the aggregates whose count tells whether the system keeps pace.
        s.put("collector.trusted-proxies", "127.0.0.1");
        s.put("collector.rate-per-second", "100000000");
        s.put("collector.burst", "100000000");
        s.put("pipeline.device-cap", "100000000");
        // Every id is remembered for de-duplication (≈ 250 B of heap each) for the TTL, 7 days by
        // default. Minutes at city rates would remember more ids than the 512 MiB heap holds
        // (≈ 1 million; the job then only collects garbage), far more than a ward's week. A 10 s
        // TTL keeps even 16,000/s under that, as a week does at a ward's rate (one minute, tried
        // with the older 0.5 KB ids, filled the heap from 12,000/s on).
        s.put("pipeline.dedupe-ttl", "10s");
        progress("starting speedwatch run (" + name + ")");
        long t0 = System.nanoTime();
        LauncherProcess p = LauncherProcess.start(root.resolve(name), freePort(), s);
        if (name.equals("e2e")) {
            report(
                    "startup_s",
                    (System.nanoTime() - t0) / 1e9,
                    "start to ready (fresh database, cold JVM)",
                    "%.1f s");
        }
        return p;
    }

    private void report(String key, double value, String label, String format) {
        System.out.printf(Locale.ROOT, "@bench %s %.4f%n", key, value);
        rows.add("| " + label + " | " + String.format(Locale.ROOT, format, value) + " |");
    }

    private static double percentile(List<Double> sorted, double p) {
        int rank = (int) Math.ceil(p * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static void progress(String message) {
        System.err.println("[launcher bench] " + message);
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A failed run keeps what each child JVM logged (the data directories are deleted). */
    private static void keepLogs(Path root) throws IOException {
        Path kept = Files.createTempDirectory("sw-bench-launcher-logs");
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path log : paths.filter(p -> p.endsWith("launcher.log")).toList()) {
                Files.copy(log, kept.resolve(root.relativize(log).getName(0) + ".log"));
            }
        }
        System.err.println("[launcher bench] the child JVMs' logs are in " + kept);
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** Samples a process's resident set every 500 ms and keeps the maximum. */
    static final class RssSampler {
        private final LauncherProcess process;
        private volatile double max;
        private volatile boolean running;
        private Thread thread;

        RssSampler(LauncherProcess process) {
            this.process = process;
        }

        void start() {
            running = true;
            thread =
                    new Thread(
                            () -> {
                                while (running) {
                                    try {
                                        max = Math.max(max, process.rssMiB());
                                    } catch (IOException e) {
                                        return;
                                    }
                                    sleepQuietly(500);
                                }
                            },
                            "rss-sampler");
            thread.start();
        }

        double max() {
            return max;
        }

        void stop() throws InterruptedException {
            running = false;
            thread.join();
        }
    }
}
