package vn.speedwatch.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.speedwatch.model.AccessType;
import vn.speedwatch.model.AreaRegistry;
import vn.speedwatch.model.Operator;
import vn.speedwatch.model.QcvnThresholds;
import vn.speedwatch.warehouse.testing.PostgresDatabase;

/** All operators at once, progress as the CLI shows it, and the archive officials work with. */
class ReportArchiveTest {

    @RegisterExtension static PostgresDatabase db = new PostgresDatabase();

    static final YearMonth OCTOBER = YearMonth.of(2026, 10);
    static final Clock NOVEMBER =
            Clock.fixed(Instant.parse("2026-11-02T01:00:00Z"), ZoneOffset.UTC);
    static final Path OUT = Path.of("target", "report-out-all");

    @Test
    void generatesEveryOperatorArchivesAndMarksSent() throws Exception {
        TestFiles.deleteTree(OUT);
        new Seeder(db.dataSource(), false)
                .cell(Operator.FPT, "TDP-06", AccessType.FIXED_FIBER, OCTOBER, 50, 280, 11);
        ReportGenerator generator = generator(NOVEMBER);
        List<String> progress = new ArrayList<>();
        List<GeneratedReport> reports =
                generator.generate(
                        new ReportRequest(OCTOBER, Optional.empty(), OUT, "Trần Thị Bình"),
                        new ProgressListener() {
                            @Override
                            public void finished(GeneratedReport r, int index, int total) {
                                progress.add(index + "/" + total + " " + r.operator());
                            }
                        });

        assertThat(reports)
                .extracting(GeneratedReport::operator)
                .containsExactly(
                        Operator.VNPT,
                        Operator.VIETTEL,
                        Operator.FPT,
                        Operator.MOBIFONE,
                        Operator.VIETNAMOBILE,
                        Operator.CMC,
                        Operator.SCTV);
        assertThat(reports)
                .filteredOn(GeneratedReport::hasData)
                .extracting(GeneratedReport::operator)
                .containsExactly(Operator.FPT);
        assertThat(progress).first().isEqualTo("1/7 VNPT");
        assertThat(progress).last().isEqualTo("7/7 SCTV");

        ReportArchive archive = generator.archive();
        assertThat(archive.list(Optional.of(OCTOBER), Optional.empty())).hasSize(7);
        List<ArchivedReport> fpt = archive.list(Optional.empty(), Optional.of(Operator.FPT));
        assertThat(fpt)
                .singleElement()
                .satisfies(
                        r -> {
                            assertThat(r.generatedBy()).isEqualTo("Trần Thị Bình");
                            assertThat(r.summary().samples()).isEqualTo(50);
                            assertThat(r.sent()).isFalse();
                        });
        long id = fpt.get(0).id();
        assertThat(archive.markSent(id)).isTrue();
        assertThat(archive.markSent(id)).isFalse();
        assertThat(archive.find(id).orElseThrow().sentAt()).isEqualTo(NOVEMBER.instant());
        assertThat(archive.markSent(999_999)).isFalse();
    }

    @Test
    void futureMonthRequestedDirectlyIsRefused() {
        ReportRequest december =
                new ReportRequest(YearMonth.of(2026, 12), Optional.empty(), OUT, "An");
        assertThatThrownBy(() -> generator(NOVEMBER).generate(december, ProgressListener.NONE))
                .isInstanceOf(ReportException.class)
                .hasMessageContaining("month 2026-12 is in the future");
        assertThat(
                        generator(NOVEMBER)
                                .archive()
                                .list(Optional.of(YearMonth.of(2026, 12)), Optional.empty()))
                .isEmpty();
    }

    @Test
    void commandLineWritesTheReportsOfOneOperator() throws Exception {
        Path config = Files.createTempFile("speedwatch-reports", ".properties");
        Files.writeString(config, "db.url=" + db.jdbcUrl() + "\ndb.user=postgres\n");
        Path out = Path.of("target", "report-out-cli");
        TestFiles.deleteTree(out);
        int exit =
                ReportCommandLine.run(
                        new String[] {
                            "2026-08",
                            "vnpt",
                            "--out",
                            out.toString(),
                            "--by",
                            "Lê Văn Cường",
                            "--config",
                            config.toString()
                        });
        assertThat(exit).isZero();
        assertThat(out.resolve("speedwatch-2026-08-VNPT.pdf")).isNotEmptyFile();
        assertThat(out.resolve("speedwatch-2026-08-VNPT.csv")).isNotEmptyFile();
        assertThat(ReportCommandLine.run(new String[] {"--out"})).isEqualTo(2);
        assertThatThrownBy(
                        () ->
                                ReportCommandLine.run(
                                        new String[] {"2026-13", "--config", config.toString()}))
                .isInstanceOf(ReportException.class)
                .hasMessageContaining("2026-13");
    }

    private static ReportGenerator generator(Clock clock) {
        return new ReportGenerator(
                db.dataSource(),
                ReportsConfig.defaults(),
                AreaRegistry.loadSample().areas(),
                QcvnThresholds.load(),
                clock);
    }
}
