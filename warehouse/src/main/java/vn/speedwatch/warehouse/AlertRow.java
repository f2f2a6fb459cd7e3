package vn.speedwatch.warehouse;

import static vn.speedwatch.warehouse.Require.finiteOrNull;
import static vn.speedwatch.warehouse.Require.oneOf;
import static vn.speedwatch.warehouse.Require.present;
import static vn.speedwatch.warehouse.Require.text;

import java.time.Instant;
import java.util.Set;

/**
 * One row of {@code alerts}: a quality alert for a TDP × operator × access type. {@code id} is null
 * until stored; {@code details} is a JSON document as text.
 */
public record AlertRow(
        Long id,
        String tdpCode,
        String operator,
        String accessType,
        String kind,
        String status,
        Instant openedAt,
        Instant closedAt,
        Long sampleCount,
        Double median24h,
        Double baselineMedian,
        Double belowQcvnShare,
        String details,
        String acknowledgedBy,
        Instant acknowledgedAt) {

    public static final String MEDIAN_DROP = "MEDIAN_DROP";
    public static final String BELOW_QCVN = "BELOW_QCVN";
    public static final String OPEN = "OPEN";
    public static final String ACKNOWLEDGED = "ACKNOWLEDGED";
    public static final String CLOSED = "CLOSED";
    private static final String T = "alerts";

    public AlertRow {
        text(tdpCode, T, "tdp_code");
        text(operator, T, "operator");
        text(accessType, T, "access_type");
        oneOf(kind, Set.of(MEDIAN_DROP, BELOW_QCVN), T, "kind");
        status = status == null ? OPEN : status;
        oneOf(status, Set.of(OPEN, ACKNOWLEDGED, CLOSED), T, "status");
        present(openedAt, T, "opened_at");
        finiteOrNull(median24h, T, "median_24h");
        finiteOrNull(baselineMedian, T, "baseline_median");
        finiteOrNull(belowQcvnShare, T, "below_qcvn_share");
    }

    /** A new open alert, as the alert job raises it. */
    public static AlertRow open(
            String tdpCode,
            String operator,
            String accessType,
            String kind,
            Instant openedAt,
            Long sampleCount,
            Double median24h,
            Double baselineMedian,
            Double belowQcvnShare,
            String details) {
        return new AlertRow(
                null,
                tdpCode,
                operator,
                accessType,
                kind,
                OPEN,
                openedAt,
                null,
                sampleCount,
                median24h,
                baselineMedian,
                belowQcvnShare,
                details,
                null,
                null);
    }
}
