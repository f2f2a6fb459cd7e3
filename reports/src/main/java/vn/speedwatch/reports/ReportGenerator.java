package vn.speedwatch.reports;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.speedwatch.model.Area;
import vn.speedwatch.model.AreaRegistry;
import vn.speedwatch.model.Operator;
import vn.speedwatch.model.QcvnThresholds;
import vn.speedwatch.model.Settings;

/**
 * Makes the monthly complaint reports: for each operator asked, reads the warehouse aggregates,
 * writes the Vietnamese PDF letter and the per-TDP CSV, and records both in the archive. The CLI
 * and the officials' web endpoint call {@link #generate}.
 */
public final class ReportGenerator {

    private static final Logger LOG = LoggerFactory.getLogger(ReportGenerator.class);

    private final ReportsConfig config;
    private final Clock clock;
    private final AggregateLoader aggregates;
    private final AlertLoader alerts;
    private final ReportArchive archive;
    private final ReportAssembler assembler;

    public ReportGenerator(
            DataSource dataSource,
            ReportsConfig config,
            List<Area> areas,
            QcvnThresholds thresholds,
            Clock clock) {
        this.config = config;
        this.clock = clock;
        this.aggregates = new AggregateLoader(dataSource, config);
        this.alerts = new AlertLoader(dataSource);
        this.archive = new ReportArchive(dataSource, clock);
        this.assembler = new ReportAssembler(config, new ModelQcvnCheck(thresholds), areas);
    }

    /**
     * A generator with the settings' report config, the area file of {@code areas.file} (the
     * bundled synthetic sample when unset) and the bundled QCVN thresholds.
     */
    public static ReportGenerator create(DataSource dataSource, Settings settings) {
        AreaRegistry registry =
                settings.find("areas.file")
                        .map(f -> AreaRegistry.load(Path.of(f)))
                        .orElseGet(AreaRegistry::loadSample);
        return new ReportGenerator(
                dataSource,
                ReportsConfig.from(settings),
                registry.areas(),
                QcvnThresholds.load(),
                Clock.systemUTC());
    }

    public ReportArchive archive() {
        return archive;
    }

    /**
     * Writes and archives the reports of the request, one operator after the other.
     *
     * @throws ReportException for a future month, an unwritable folder or a database failure;
     *     reports finished before the failure stay written and archived
     */
    public List<GeneratedReport> generate(ReportRequest request, ProgressListener progress) {
        YearMonth current = YearMonth.now(clock.withZone(config.zone()));
        if (request.month().isAfter(current)) {
            throw new ReportException(
                    "Tháng " + request.month() + " chưa đến",
                    "month " + request.month() + " is in the future");
        }
        List<Operator> operators =
                request.operator()
                        .map(List::of)
                        .orElseGet(
                                () ->
                                        Arrays.stream(Operator.values())
                                                .filter(o -> o != Operator.OTHER)
                                                .toList());
        createDirectories(request.outDir());
        List<GeneratedReport> out = new ArrayList<>();
        for (int i = 0; i < operators.size(); i++) {
            progress.started(operators.get(i), i + 1, operators.size());
            GeneratedReport report = generateOne(request, operators.get(i));
            out.add(report);
            progress.finished(report, i + 1, operators.size());
        }
        return out;
    }

    private GeneratedReport generateOne(ReportRequest request, Operator operator) {
        YearMonth month = request.month();
        String base = freeName(request.outDir(), "speedwatch-" + month + "-" + operator.name());
        Path pdf = request.outDir().resolve(base + ".pdf");
        Path csv = request.outDir().resolve(base + ".csv");
        long started = System.nanoTime();
        try {
            MonthFigures figures = aggregates.load(operator, month);
            long loaded = System.nanoTime();
            List<AlertLine> alertLines =
                    alerts.load(
                            operator,
                            aggregates.start(month),
                            aggregates.start(month.plusMonths(1)));
            Optional<ArchivedReport> previous = archive.latest(operator, month.minusMonths(1));
            ReportContent content =
                    assembler.assemble(
                            operator,
                            figures,
                            alertLines,
                            previous,
                            LocalDate.now(clock.withZone(config.zone())));
            ReportPdf.write(content, pdf);
            ReportCsv.write(content, csv);
            GeneratedReport written =
                    new GeneratedReport(
                            0,
                            operator,
                            month,
                            pdf,
                            csv,
                            Sha256.ofFile(pdf),
                            Sha256.ofFile(csv),
                            figures.fingerprint(),
                            content.hasData());
            long id = archive.insert(written, request.requestedBy(), content.summary());
            LOG.info(
                    "Report {} for {} {} written: {} ({} aggregate rows, {} flagged cells;"
                            + " load {} ms, total {} ms)",
                    id,
                    operator,
                    month,
                    pdf,
                    figures.rowCount(),
                    content.flagged().size(),
                    (loaded - started) / 1_000_000,
                    (System.nanoTime() - started) / 1_000_000);
            return new GeneratedReport(
                    id,
                    operator,
                    month,
                    pdf,
                    csv,
                    written.pdfSha256(),
                    written.csvSha256(),
                    written.dataFingerprint(),
                    written.hasData());
        } catch (SQLException e) {
            throw new ReportException(
                    "Lỗi cơ sở dữ liệu khi lập báo cáo " + operator.name(),
                    "database error while reporting "
                            + operator
                            + " "
                            + month
                            + ": "
                            + e.getMessage(),
                    e);
        } catch (IOException e) {
            throw new ReportException(
                    "Không ghi được tệp báo cáo " + pdf.getFileName(),
                    "cannot write report files in " + request.outDir() + ": " + e.getMessage(),
                    e);
        } catch (IllegalArgumentException e) {
            throw new ReportException(
                    "Số liệu tổng hợp của " + operator.name() + " bị hỏng",
                    "corrupt aggregate data for " + operator + " " + month + ": " + e.getMessage(),
                    e);
        }
    }

    /**
     * {@code base}, or {@code base-2}, {@code base-3}… when files of that name exist: a report made
     * again never overwrites the files an older archive row and its hashes point to.
     */
    static String freeName(Path dir, String base) {
        String name = base;
        for (int n = 2;
                Files.exists(dir.resolve(name + ".pdf"))
                        || Files.exists(dir.resolve(name + ".csv"));
                n++) {
            name = base + "-" + n;
        }
        return name;
    }

    private static void createDirectories(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new ReportException(
                    "Không tạo được thư mục " + dir,
                    "cannot create output folder " + dir + ": " + e.getMessage(),
                    e);
        }
    }
}
