package vn.speedwatch.reports;

/**
 * One row of the per-TDP table.
 *
 * @param enoughSamples false when the cell is below the minimum: its numbers are not shown
 * @param flagged enough samples and the QCVN verdict failed: the operator is asked to improve it
 */
record TdpLine(
        CellKey key,
        String tdpName,
        CellStats stats,
        boolean enoughSamples,
        QcvnVerdict verdict,
        boolean flagged) {

    FlaggedCell toFlag() {
        return new FlaggedCell(
                key.tdpCode(),
                key.accessType().name(),
                stats.samples(),
                stats.downloadMedian(),
                stats.shareBelow());
    }
}
