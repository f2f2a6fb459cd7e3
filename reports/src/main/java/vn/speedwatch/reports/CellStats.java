package vn.speedwatch.reports;

/**
 * Merged figures of a set of day rows. Quantiles come from the merged DDSketches (1 % relative
 * error); counts and means are exact (means weighted by each day's sample count). Values are null
 * when no row carried them.
 *
 * @param deviceDays sum of the daily distinct-device counts (a device seen on two days counts
 *     twice: distinct devices do not merge across days)
 */
record CellStats(
        long samples,
        long deviceDays,
        Double downloadMean,
        Double downloadMedian,
        Double downloadP10,
        Double uploadMean,
        Double uploadMedian,
        Double latencyMean,
        Double latencyMedian,
        long qcvnEvaluated,
        long belowQcvn) {

    static final CellStats EMPTY =
            new CellStats(0, 0, null, null, null, null, null, null, null, 0, 0);

    /** Share of evaluated tests below the QCVN threshold, null when none was evaluated. */
    Double shareBelow() {
        return qcvnEvaluated == 0 ? null : (double) belowQcvn / qcvnEvaluated;
    }

    long passing() {
        return qcvnEvaluated - belowQcvn;
    }
}
