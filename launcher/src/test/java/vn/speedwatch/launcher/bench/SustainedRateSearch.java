package vn.speedwatch.launcher.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Finds the whole system's sustained rate: the highest offered rate at which the hourly
 * aggregates keep pace with what the collector accepts. How fast the collector answers 202 says
 * nothing about it — an accepted test still has to be parsed, aggregated and written — so each
 * step offers a fixed rate of batches for a window and watches the backlog (accepted minus
 * aggregated). Where the pipeline keeps up, the backlog only saw-tooths with the early firing
 * and the sink flushes; where it does not, it grows without bound and freshness with it.
 *
 * <p>The search doubles the rate from {@code start} until a step falls behind, then bisects
 * between the last step that kept pace and the first that did not. Between steps the backlog
 * drains, so every step starts from an empty pipeline.
 */
final class SustainedRateSearch {

    /** A step keeps pace when the backlog grows by at most this share of the offered rate. */
    static final double MAX_GROWTH_SHARE = 0.03;
    /** ... and the collector accepted at least this share of the offered rate. */
    static final double MIN_ACCEPTED_SHARE = 0.95;
    private static final double LOWEST_RATE = 100;
    private static final double HIGHEST_RATE = 100_000;
    private static final long SAMPLE_MILLIS = 200;

    /** One offered rate and what the system made of it. */
    record Step(double offered, double accepted, double aggregated, double growthShare,
            double lagSeconds, long refused) {

        boolean keepsPace() {
            return refused == 0 && accepted >= MIN_ACCEPTED_SHARE * offered
                    && growthShare <= MAX_GROWTH_SHARE;
        }

        String row() {
            return String.format(Locale.ROOT, "| %,.0f | %,.0f | %,.0f | %+.1f %% | %.1f s | %,d | %s |",
                    offered, accepted, aggregated, 100 * growthShare, lagSeconds, refused,
                    keepsPace() ? "yes" : "no");
        }
    }

    private final LauncherProcess process;
    private final BenchDatabase db;
    private final Duration window;
    private final Consumer<String> progress;
    private final List<Step> steps = new ArrayList<>();

    SustainedRateSearch(LauncherProcess process, BenchDatabase db, Duration window,
            Consumer<String> progress) {
        this.process = process;
        this.db = db;
        this.window = window;
        this.progress = progress;
    }

    /**
     * The highest offered rate that kept pace, in measurements/s, after at most
     * {@code bisections} halvings of the interval between a step that kept pace and one that did
     * not. Throws when not even the lowest rate kept pace.
     */
    double find(double start, int bisections) throws Exception {
        double rate = start;
        Step s = step(rate);
        while (!s.keepsPace() && rate > LOWEST_RATE) {
            rate = rate / 2;
            s = step(rate);
        }
        if (!s.keepsPace()) {
            throw new IllegalStateException("the aggregates did not keep pace even at "
                    + rate + " measurements/s");
        }
        double good = rate;
        double bad = Double.NaN;
        while (Double.isNaN(bad) && good < HIGHEST_RATE) {
            s = step(good * 2);
            if (s.keepsPace()) {
                good = good * 2;
            } else {
                bad = good * 2;
            }
        }
        for (int i = 0; i < bisections && !Double.isNaN(bad); i++) {
            double middle = (good + bad) / 2;
            if (step(middle).keepsPace()) {
                good = middle;
            } else {
                bad = middle;
            }
        }
        return good;
    }

    /** A Markdown table of every step, in the order they ran. */
    List<String> table() {
        List<String> lines = new ArrayList<>();
        lines.add("| offered /s | accepted /s | aggregated /s | backlog growth (share of offered)"
                + " | lag at end | refused | keeps pace |");
        lines.add("|---:|---:|---:|---:|---:|---:|:-:|");
        steps.forEach(s -> lines.add(s.row()));
        return lines;
    }

    /**
     * Offers {@code rate} for the window while sampling the backlog every 200 ms; the backlog's
     * least-squares growth over the last two thirds (the first third lets the JIT, the early
     * firing and the first sink flush settle) decides. Then waits for the backlog to drain.
     */
    private Step step(double rate) throws Exception {
        progress.accept(String.format(Locale.ROOT, "offering %,.0f/s for %d s", rate,
                window.toSeconds()));
        MeasurementLoad load = new MeasurementLoad(process.api(), false);
        long aggregatedBefore = db.aggregated(null);
        double[] seconds = new double[1];
        Thread offer = new Thread(() -> {
            try {
                seconds[0] = load.paced(rate, window);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "offered-load");
        List<double[]> samples = new ArrayList<>();
        long t0 = System.nanoTime();
        offer.start();
        while (offer.isAlive()) {
            double t = (System.nanoTime() - t0) / 1e9;
            long aggregated = db.aggregated(null) - aggregatedBefore;
            samples.add(new double[] {t, load.accepted(), aggregated});
            Thread.sleep(SAMPLE_MILLIS);
        }
        offer.join();
        double[] last = samples.get(samples.size() - 1);
        Step s = new Step(rate, load.accepted() / seconds[0], last[2] / last[0],
                backlogGrowth(samples, window.toSeconds() / 3.0) / rate, lagSeconds(samples),
                load.refused());
        steps.add(s);
        progress.accept(String.format(Locale.ROOT, "  accepted %,.0f/s, aggregated %,.0f/s,"
                + " backlog growth %+.1f %% of offered: %s", s.accepted(), s.aggregated(),
                100 * s.growthShare(), s.keepsPace() ? "keeps pace" : "falls behind"));
        db.awaitAggregated(aggregatedBefore + load.accepted(), Duration.ofSeconds(300));
        return s;
    }

    /** Least-squares slope of (accepted − aggregated) over the samples after {@code from} s. */
    private static double backlogGrowth(List<double[]> samples, double from) {
        double n = 0;
        double st = 0;
        double sb = 0;
        double stt = 0;
        double stb = 0;
        for (double[] s : samples) {
            if (s[0] < from) {
                continue;
            }
            double backlog = s[1] - s[2];
            n++;
            st += s[0];
            sb += backlog;
            stt += s[0] * s[0];
            stb += s[0] * backlog;
        }
        double denominator = n * stt - st * st;
        return n < 3 || denominator == 0 ? 0 : (n * stb - st * sb) / denominator;
    }

    /**
     * At the last sample, how long ago the collector had accepted as many tests as are now
     * aggregated: the age of the oldest test not yet in the aggregates, roughly.
     */
    private static double lagSeconds(List<double[]> samples) {
        double[] last = samples.get(samples.size() - 1);
        for (int i = samples.size() - 1; i >= 0; i--) {
            if (samples.get(i)[1] <= last[2]) {
                return last[0] - samples.get(i)[0];
            }
        }
        return last[0];
    }
}
