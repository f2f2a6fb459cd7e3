package vn.speedwatch.reports;

/**
 * A TDP × access type cell a report asked the operator to improve; kept in the archive summary so
 * the next month's report can follow it up.
 */
public record FlaggedCell(
        String tdpCode,
        String accessType,
        long samples,
        Double downloadMedian,
        Double shareBelow) {}
