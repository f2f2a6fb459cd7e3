package vn.speedwatch.reports;

import java.time.YearMonth;
import java.util.Map;
import java.util.SortedMap;
import vn.speedwatch.model.AccessType;

/**
 * An operator's merged aggregates: the report month per cell and per access type, and monthly
 * totals per access type for the trend and the change against the previous month.
 *
 * @param cells report month, per TDP × access type, in canonical order
 * @param monthly per month (oldest first), per access type, over the trend window
 * @param fingerprint SHA-256 of the report month's rows, see {@link DataFingerprint}
 * @param rowCount day rows behind the report month
 */
record MonthFigures(
        YearMonth month,
        SortedMap<CellKey, CellStats> cells,
        SortedMap<YearMonth, Map<AccessType, CellStats>> monthly,
        String fingerprint,
        int rowCount) {

    Map<AccessType, CellStats> totals() {
        return monthly.getOrDefault(month, Map.of());
    }

    Map<AccessType, CellStats> previousTotals() {
        return monthly.getOrDefault(month.minusMonths(1), Map.of());
    }

    boolean hasData() {
        return cells.values().stream().anyMatch(c -> c.samples() > 0);
    }
}
