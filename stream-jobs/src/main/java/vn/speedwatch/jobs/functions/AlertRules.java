package vn.speedwatch.jobs.functions;

import java.io.Serializable;

/**
 * The alert settings and the pure rules that decide, from the numbers of one evaluation, whether a
 * TDP × operator × access type is degraded: its 24-hour median download at least {@code medianDrop}
 * below the trailing 28-day baseline median, or more than {@code belowQcvnShare} of its
 * QCVN-evaluated samples below the threshold, each judged only with at least {@code minSamples}
 * samples. An alert opens after {@code consecutive} bad evaluations in a row and closes after as
 * many healthy ones, so one noisy hour neither opens nor closes anything.
 *
 * <p>Serializable because the keyed function that applies it travels to the task managers.
 *
 * @param minSamples samples needed in the 24 hours (and in the baseline) for a verdict
 * @param medianDrop the fractional drop of the median below baseline that counts as bad, e.g. 0.30
 * @param belowQcvnShare the share below the QCVN threshold above which it counts as bad, e.g. 0.5
 * @param consecutive evaluations in a row needed to open or to close an alert
 */
public record AlertRules(int minSamples, double medianDrop, double belowQcvnShare, int consecutive)
        implements Serializable {

    public static final int DEFAULT_MIN_SAMPLES = 20;
    public static final double DEFAULT_MEDIAN_DROP = 0.30;
    public static final double DEFAULT_BELOW_QCVN_SHARE = 0.50;
    public static final int DEFAULT_CONSECUTIVE = 2;

    public AlertRules {
        if (minSamples < 1) {
            throw new IllegalArgumentException("minSamples must be at least 1, was " + minSamples);
        }
        if (!(medianDrop > 0 && medianDrop < 1)) {
            throw new IllegalArgumentException("medianDrop must be in (0, 1), was " + medianDrop);
        }
        if (!(belowQcvnShare > 0 && belowQcvnShare < 1)) {
            throw new IllegalArgumentException(
                    "belowQcvnShare must be in (0, 1), was " + belowQcvnShare);
        }
        if (consecutive < 1) {
            throw new IllegalArgumentException(
                    "consecutive must be at least 1, was " + consecutive);
        }
    }

    /** The documented defaults: 20 samples, 30 % drop, 50 % below QCVN, two evaluations. */
    public static AlertRules defaults() {
        return of(DEFAULT_MIN_SAMPLES, DEFAULT_MEDIAN_DROP, DEFAULT_BELOW_QCVN_SHARE);
    }

    /** The given thresholds (settings {@code alerts.*}) with the two-evaluation debounce. */
    public static AlertRules of(int minSamples, double medianDrop, double belowQcvnShare) {
        return new AlertRules(minSamples, medianDrop, belowQcvnShare, DEFAULT_CONSECUTIVE);
    }

    /** The verdict of one rule at one evaluation. */
    public enum Check {
        BREACHED,
        HEALTHY,
        /** Too few samples (or no baseline) to say either way. */
        UNKNOWN
    }

    /**
     * The numbers one evaluation sees.
     *
     * @param samples samples in the 24 hours
     * @param median24h median download over the 24 hours, null without samples
     * @param baselineSamples samples in the trailing 28 days before the 24 hours
     * @param baselineMedian median download over those 28 days, null without samples
     * @param qcvnEvaluated samples of the 24 hours a QCVN threshold applied to
     * @param belowQcvn of those, the samples below the threshold
     */
    public record Window(
            long samples,
            Double median24h,
            long baselineSamples,
            Double baselineMedian,
            long qcvnEvaluated,
            long belowQcvn) {

        /** Share of evaluated samples below QCVN, null when none was evaluated. */
        public Double belowQcvnShare() {
            return qcvnEvaluated == 0 ? null : (double) belowQcvn / qcvnEvaluated;
        }
    }

    /** MEDIAN_DROP: the 24-hour median at least {@code medianDrop} below the baseline median. */
    public Check medianDrop(Window w) {
        if (w.samples() < minSamples
                || w.baselineSamples() < minSamples
                || w.median24h() == null
                || w.baselineMedian() == null
                || !(w.baselineMedian() > 0)) {
            return Check.UNKNOWN;
        }
        boolean dropped = w.median24h() <= w.baselineMedian() * (1 - medianDrop);
        return dropped ? Check.BREACHED : Check.HEALTHY;
    }

    /** BELOW_QCVN: more than {@code belowQcvnShare} of the evaluated samples below threshold. */
    public Check belowQcvn(Window w) {
        if (w.samples() < minSamples || w.qcvnEvaluated() < minSamples) {
            return Check.UNKNOWN;
        }
        return w.belowQcvnShare() > belowQcvnShare ? Check.BREACHED : Check.HEALTHY;
    }

    /**
     * The debounce state of one rule for one key: whether its alert is open and how many bad or
     * healthy evaluations in a row were seen. A record, so Flink stores it as a POJO.
     */
    public record Streak(boolean open, int bad, int healthy) {

        public static final Streak QUIET = new Streak(false, 0, 0);

        /** True when nothing is remembered, so the state can be cleared. */
        public boolean isQuiet() {
            return equals(QUIET);
        }
    }

    /**
     * The streak after one more evaluation. A bad run opens the alert once it is {@code
     * consecutive} long, a healthy run closes it; an unknown verdict breaks both runs, because
     * "consecutive" means evaluations that could be judged, one after the other.
     */
    public Streak next(Streak s, Check check) {
        // Runs are capped at `consecutive`: longer runs decide nothing more.
        return switch (check) {
            case BREACHED -> {
                int bad = Math.min(s.bad() + 1, consecutive);
                yield new Streak(s.open() || bad >= consecutive, bad, 0);
            }
            case HEALTHY -> {
                int healthy = Math.min(s.healthy() + 1, consecutive);
                yield new Streak(s.open() && healthy < consecutive, 0, healthy);
            }
            case UNKNOWN -> new Streak(s.open(), 0, 0);
        };
    }
}
