package vn.speedwatch.reports;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.speedwatch.model.AccessType;
import vn.speedwatch.model.Area;
import vn.speedwatch.model.Operator;

/** Turns merged figures, alerts and the previous report into a {@link ReportContent}. */
final class ReportAssembler {

    private static final Comparator<TdpLine> WORST_FIRST =
            Comparator.comparing(
                            (TdpLine l) -> l.stats().shareBelow(),
                            Comparator.nullsLast(Comparator.reverseOrder()))
                    .thenComparing(
                            l -> l.stats().downloadMedian(),
                            Comparator.nullsLast(Comparator.naturalOrder()))
                    .thenComparing(TdpLine::key);

    private static final String UNKNOWN_TDP = "UNKNOWN";

    private final ReportsConfig config;
    private final QcvnCheck qcvn;
    private final List<Area> areas;

    ReportAssembler(ReportsConfig config, QcvnCheck qcvn, List<Area> areas) {
        this.config = config;
        this.qcvn = qcvn;
        this.areas = List.copyOf(areas);
    }

    ReportContent assemble(
            Operator operator,
            MonthFigures figures,
            List<AlertLine> alerts,
            Optional<ArchivedReport> previous,
            LocalDate issuedOn) {
        Map<CellKey, TdpLine> lines = new LinkedHashMap<>();
        figures.cells().forEach((key, stats) -> lines.put(key, line(key, stats)));
        List<TdpLine> all = List.copyOf(lines.values());
        List<TdpLine> worst =
                all.stream()
                        .filter(TdpLine::flagged)
                        .sorted(WORST_FIRST)
                        .limit(config.worstCount())
                        .toList();
        List<FollowUpLine> followUp =
                previous.map(p -> FollowUp.of(p.summary().flagged(), lines)).orElse(List.of());
        return new ReportContent(
                operator,
                figures.month(),
                issuedOn,
                config,
                figures,
                all,
                compliance(figures),
                worst,
                previous.map(ArchivedReport::month),
                followUp,
                alerts,
                areas);
    }

    private TdpLine line(CellKey key, CellStats stats) {
        boolean enough = stats.samples() >= config.minSamples();
        QcvnVerdict verdict =
                enough ? qcvn.verdict(key.accessType(), stats) : QcvnVerdict.NOT_EVALUATED;
        return new TdpLine(key, tdpName(key.tdpCode()), stats, enough, verdict, verdict.failed());
    }

    private Map<AccessType, QcvnVerdict> compliance(MonthFigures figures) {
        Map<AccessType, QcvnVerdict> out = new EnumMap<>(AccessType.class);
        figures.totals()
                .forEach(
                        (access, stats) ->
                                out.put(
                                        access,
                                        stats.samples() >= config.minSamples()
                                                ? qcvn.verdict(access, stats)
                                                : QcvnVerdict.NOT_EVALUATED));
        return out;
    }

    private String tdpName(String code) {
        if (UNKNOWN_TDP.equals(code)) {
            return "Chưa xác định tổ dân phố";
        }
        return areas.stream()
                .filter(a -> a.code().equals(code))
                .map(Area::name)
                .findFirst()
                .orElse(code);
    }
}
