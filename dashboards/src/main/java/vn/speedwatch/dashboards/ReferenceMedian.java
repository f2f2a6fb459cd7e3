package vn.speedwatch.dashboards;

import java.time.YearMonth;
import java.util.Objects;
import vn.speedwatch.model.AccessType;
import vn.speedwatch.model.Operator;

/**
 * One monthly median published by VNNIC for an area, operator and access type: a reference line the
 * dashboards draw beside the ward's own medians. {@code latencyMedianMs} and {@code sampleCount}
 * are null when the portal does not give them.
 */
public record ReferenceMedian(
        YearMonth month,
        String area,
        Operator operator,
        AccessType accessType,
        double downloadMedianMbps,
        double uploadMedianMbps,
        Double latencyMedianMs,
        Long sampleCount) {

    public ReferenceMedian {
        Objects.requireNonNull(month, "month");
        Objects.requireNonNull(area, "area");
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(accessType, "accessType");
    }

    /** The key the warehouse table is unique on. */
    String key() {
        return month + "|" + area + "|" + operator + "|" + accessType;
    }
}
