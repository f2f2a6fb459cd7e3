package vn.speedwatch.launcher.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Finds the whole system's sustained rate: the highest offered rate at which the hourly aggregates
 * keep pace with what the collector accepts. How fast the collector answers 202 says nothing about
 * it — an accepted test still has to be parsed, aggregated and written — so each step offers a
 * fixed rate for a window and watches the backlog (accepted minus aggregated; {@link
 * OfferedLoadStep}). Where the pipeline keeps up, the backlog only saw-tooths with the early firing
 * and the sink flushes; where it does not, it grows without bound, and freshness with it.
 *
 * <p>The search doubles the rate from {@code start} until a step falls behind (halving first if the
 * start already does), then bisects between the last step that kept pace and the first that did
 * not.
 */
final class SustainedRateSearch {

    /** A step keeps pace when the backlog grows by at most this share of the offered rate... */
    static final double MAX_GROWTH_SHARE = 0.03;

    /** ...and the collector accepted at least this share of the offered rate. */
    static final double MIN_ACCEPTED_SHARE = 0.95;

    static final double LOWEST_RATE = 100;
    static final double HIGHEST_RATE = 100_000;

    /** Offers one rate to the system and reports what it made of it. */
    interface Offer {
        Step at(double rate) throws Exception;
    }

    /** One offered rate and what the system made of it. */
    record Step(
            double offered,
            double accepted,
            double aggregated,
            double growthShare,
            double lagSeconds,
            long refused) {

        boolean keepsPace() {
            return refused == 0
                    && accepted >= MIN_ACCEPTED_SHARE * offered
                    && growthShare <= MAX_GROWTH_SHARE;
        }

        String row() {
            return String.format(
                    Locale.ROOT,
                    "| %,.0f | %,.0f | %,.0f | %+.1f %% | %.1f s | %,d" + " | %s |",
                    offered,
                    accepted,
                    aggregated,
                    100 * growthShare,
                    lagSeconds,
                    refused,
                    keepsPace() ? "yes" : "no");
        }
    }

    private final Offer offer;
    private final List<Step> steps = new ArrayList<>();

    SustainedRateSearch(Offer offer) {
        this.offer = offer;
    }

    /**
     * The highest offered rate that kept pace, in measurements/s, after at most {@code bisections}
     * halvings of the interval between a step that kept pace and one that did not. Throws when not
     * even the lowest rate kept pace.
     */
    double find(double start, int bisections) throws Exception {
        double rate = start;
        while (!step(rate) && rate > LOWEST_RATE) {
            rate = rate / 2;
        }
        if (!last().keepsPace()) {
            throw new IllegalStateException(
                    "the aggregates did not keep pace even at " + rate + " measurements/s");
        }
        double good = rate;
        double bad = Double.NaN;
        while (Double.isNaN(bad) && good < HIGHEST_RATE) {
            if (step(good * 2)) {
                good = good * 2;
            } else {
                bad = good * 2;
            }
        }
        for (int i = 0; i < bisections && !Double.isNaN(bad); i++) {
            double middle = (good + bad) / 2;
            if (step(middle)) {
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
        lines.add(
                "| offered /s | accepted /s | aggregated /s (steady part) | backlog growth (share"
                        + " of offered) | lag at end | refused | keeps pace |");
        lines.add("|---:|---:|---:|---:|---:|---:|:-:|");
        steps.forEach(s -> lines.add(s.row()));
        return lines;
    }

    private boolean step(double rate) throws Exception {
        steps.add(offer.at(rate));
        return last().keepsPace();
    }

    private Step last() {
        return steps.get(steps.size() - 1);
    }
}
