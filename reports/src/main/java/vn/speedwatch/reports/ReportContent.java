package vn.speedwatch.reports;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.speedwatch.model.AccessType;
import vn.speedwatch.model.Area;
import vn.speedwatch.model.Operator;

/**
 * Everything one operator's report shows, computed once; the PDF and the CSV only render it.
 *
 * @param previousReport the month of the previous report followed up, empty when there was none
 */
record ReportContent(
        Operator operator,
        YearMonth month,
        LocalDate issuedOn,
        ReportsConfig config,
        MonthFigures figures,
        List<TdpLine> lines,
        Map<AccessType, QcvnVerdict> compliance,
        List<TdpLine> worst,
        Optional<YearMonth> previousReport,
        List<FollowUpLine> followUp,
        List<AlertLine> alerts,
        List<Area> areas) {

    boolean hasData() {
        return figures.hasData();
    }

    List<TdpLine> flagged() {
        return lines.stream().filter(TdpLine::flagged).toList();
    }

    ReportSummary summary() {
        long samples = lines.stream().mapToLong(l -> l.stats().samples()).sum();
        long deviceDays = lines.stream().mapToLong(l -> l.stats().deviceDays()).sum();
        int tdps = (int) lines.stream().map(l -> l.key().tdpCode()).distinct().count();
        return new ReportSummary(
                ReportSummary.CURRENT_VERSION,
                hasData(),
                samples,
                deviceDays,
                tdps,
                figures.fingerprint(),
                flagged().stream().map(TdpLine::toFlag).toList());
    }
}
