package vn.speedwatch.launcher.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * Freshness of probes sent at a fixed cadence without waiting for each other: the k-th accepted
 * probe is timed from its 202 until the probe cell's count (monotone: the aggregate only grows)
 * first reaches {@code base + k}. All probes are in one cell and the count cannot tell which probe
 * arrived, so arrivals are matched to acceptances in order; when two overtake each other, the pair
 * keeps its sum and so its mean, only each one's share moves. A probe not counted within {@code
 * timeoutNanos} of its 202 fails the phase instead of being left out of the sample.
 */
final class ProbeClock {

    private final long base;
    private final long timeoutNanos;
    private final List<Long> acceptedAt = new ArrayList<>();
    private final List<Double> seconds = new ArrayList<>();

    /** {@code base}: the cell's count before the first probe. */
    ProbeClock(long base, long timeoutNanos) {
        this.base = base;
        this.timeoutNanos = timeoutNanos;
    }

    /** A probe was accepted (202) at {@code nanos}. */
    synchronized void accepted(long nanos) {
        acceptedAt.add(nanos);
    }

    /**
     * The cell counted {@code count} at {@code nanos}: times every accepted probe that count now
     * covers. Throws when the oldest probe still uncounted has waited longer than the timeout.
     */
    synchronized void counted(long count, long nanos) {
        long covered = Math.min(count - base, acceptedAt.size());
        while (seconds.size() < covered) {
            seconds.add((nanos - acceptedAt.get(seconds.size())) / 1e9);
        }
        if (seconds.size() < acceptedAt.size()
                && nanos - acceptedAt.get(seconds.size()) > timeoutNanos) {
            throw new IllegalStateException(
                    "probe "
                            + (seconds.size() + 1)
                            + " not aggregated "
                            + timeoutNanos / 1_000_000_000L
                            + " s after its 202");
        }
    }

    /** Whether every accepted probe has been counted. */
    synchronized boolean allCounted() {
        return seconds.size() == acceptedAt.size();
    }

    synchronized int acceptedCount() {
        return acceptedAt.size();
    }

    /** Seconds from 202 to aggregate, in the order the probes were accepted. */
    synchronized List<Double> seconds() {
        return List.copyOf(seconds);
    }
}
