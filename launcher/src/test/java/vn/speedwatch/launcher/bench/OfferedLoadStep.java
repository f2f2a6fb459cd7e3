package vn.speedwatch.launcher.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * One step of the {@link SustainedRateSearch} against the running system: batches of 100 at a fixed
 * rate for a window while the backlog (accepted minus aggregated) is sampled every 200 ms. The
 * backlog's least-squares growth over the last two thirds decides — the first third lets the early
 * firing and the first sink flushes start, which every rate pays once. After the window the backlog
 * drains, so every step starts from an empty pipeline.
 */
final class OfferedLoadStep implements SustainedRateSearch.Offer {

    private static final long SAMPLE_MILLIS = 200;

    private final LauncherProcess process;
    private final BenchDatabase db;
    private final Duration window;
    private final Consumer<String> progress;

    OfferedLoadStep(
            LauncherProcess process, BenchDatabase db, Duration window, Consumer<String> progress) {
        this.process = process;
        this.db = db;
        this.window = window;
        this.progress = progress;
    }

    /**
     * Half a window at {@code rate}, not judged: a fresh JVM compiles the hot paths and the job
     * takes its first checkpoint meanwhile, and would fail the first step for that alone.
     */
    void warmUp(double rate) throws Exception {
        progress.accept(
                String.format(
                        Locale.ROOT,
                        "warming up at %,.0f/s for %d s",
                        rate,
                        window.toSeconds() / 2));
        MeasurementLoad load = new MeasurementLoad(process.api(), false);
        long aggregatedBefore = db.aggregated(null);
        load.paced(rate, window.dividedBy(2));
        db.awaitAggregated(aggregatedBefore + load.accepted(), Duration.ofSeconds(300));
    }

    @Override
    public SustainedRateSearch.Step at(double rate) throws Exception {
        progress.accept(
                String.format(Locale.ROOT, "offering %,.0f/s for %d s", rate, window.toSeconds()));
        MeasurementLoad load = new MeasurementLoad(process.api(), false);
        long aggregatedBefore = db.aggregated(null);
        double[] seconds = new double[1];
        Thread offer =
                new Thread(
                        () -> {
                            try {
                                seconds[0] = load.paced(rate, window);
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                        },
                        "offered-load");
        List<Sample> samples = new ArrayList<>();
        long t0 = System.nanoTime();
        offer.start();
        while (offer.isAlive()) {
            samples.add(
                    new Sample(
                            (System.nanoTime() - t0) / 1e9,
                            load.accepted(),
                            db.aggregated(null) - aggregatedBefore));
            Thread.sleep(SAMPLE_MILLIS);
        }
        offer.join();
        double steady = window.toSeconds() / 3.0;
        SustainedRateSearch.Step s =
                new SustainedRateSearch.Step(
                        rate,
                        load.accepted() / seconds[0],
                        aggregatedRate(samples, steady),
                        backlogGrowth(samples, steady) / rate,
                        lagSeconds(samples),
                        load.refused());
        progress.accept(
                String.format(
                        Locale.ROOT,
                        "  accepted %,.0f/s, aggregated %,.0f/s,"
                                + " backlog growth %+.1f %% of offered: %s",
                        s.accepted(),
                        s.aggregated(),
                        100 * s.growthShare(),
                        s.keepsPace() ? "keeps pace" : "falls behind"));
        db.awaitAggregated(aggregatedBefore + load.accepted(), Duration.ofSeconds(300));
        return s;
    }

    /** Seconds since the step began, and measurements accepted and aggregated by then. */
    record Sample(double t, long accepted, long aggregated) {

        long backlog() {
            return accepted - aggregated;
        }
    }

    /** Measurements/s reaching the aggregates between {@code from} s and the last sample. */
    static double aggregatedRate(List<Sample> samples, double from) {
        Sample first =
                samples.stream().filter(s -> s.t() >= from).findFirst().orElse(samples.get(0));
        Sample last = samples.get(samples.size() - 1);
        return last.t() > first.t()
                ? (last.aggregated() - first.aggregated()) / (last.t() - first.t())
                : 0;
    }

    /** Least-squares slope of the backlog, per second, over the samples after {@code from} s. */
    static double backlogGrowth(List<Sample> samples, double from) {
        double n = 0;
        double st = 0;
        double sb = 0;
        double stt = 0;
        double stb = 0;
        for (Sample s : samples) {
            if (s.t() < from) {
                continue;
            }
            n++;
            st += s.t();
            sb += s.backlog();
            stt += s.t() * s.t();
            stb += s.t() * s.backlog();
        }
        double denominator = n * stt - st * st;
        return n < 3 || denominator == 0 ? 0 : (n * stb - st * sb) / denominator;
    }

    /**
     * At the last sample, how long ago the collector had accepted as many tests as are now
     * aggregated: roughly the age of the oldest test not yet in the aggregates.
     */
    static double lagSeconds(List<Sample> samples) {
        Sample last = samples.get(samples.size() - 1);
        for (int i = samples.size() - 1; i >= 0; i--) {
            if (samples.get(i).accepted() <= last.aggregated()) {
                return last.t() - samples.get(i).t();
            }
        }
        return last.t();
    }
}
