package vn.speedwatch.reports;

import java.util.List;
import java.util.Map;
import vn.speedwatch.model.AccessType;

/**
 * Compares the cells flagged in the previous report with this month, so the ward sees whether
 * complaints work. "Improved" needs more than the sketches' 1 % error: the share below the
 * threshold down, or the median download up by over 5 %.
 */
final class FollowUp {

    private static final double MEDIAN_GAIN = 1.05;

    private FollowUp() {}

    static List<FollowUpLine> of(List<FlaggedCell> previous, Map<CellKey, TdpLine> now) {
        return previous.stream().map(p -> line(p, now.get(key(p)))).toList();
    }

    private static FollowUpLine line(FlaggedCell previous, TdpLine now) {
        if (now == null || !now.enoughSamples()) {
            CellStats stats = now == null ? CellStats.EMPTY : now.stats();
            return new FollowUpLine(previous, stats, FollowUpLine.Status.INSUFFICIENT);
        }
        return new FollowUpLine(previous, now.stats(), status(previous, now));
    }

    private static FollowUpLine.Status status(FlaggedCell previous, TdpLine now) {
        if (!now.flagged()) {
            return FollowUpLine.Status.RESOLVED;
        }
        Double share = now.stats().shareBelow();
        Double median = now.stats().downloadMedian();
        boolean lessBelow =
                share != null && previous.shareBelow() != null && share < previous.shareBelow();
        boolean faster =
                median != null
                        && previous.downloadMedian() != null
                        && median > previous.downloadMedian() * MEDIAN_GAIN;
        return lessBelow || faster
                ? FollowUpLine.Status.IMPROVED
                : FollowUpLine.Status.NOT_IMPROVED;
    }

    private static CellKey key(FlaggedCell cell) {
        AccessType access;
        try {
            access = AccessType.valueOf(cell.accessType());
        } catch (IllegalArgumentException | NullPointerException e) {
            access = AccessType.UNKNOWN;
        }
        return new CellKey(cell.tdpCode(), access);
    }
}
