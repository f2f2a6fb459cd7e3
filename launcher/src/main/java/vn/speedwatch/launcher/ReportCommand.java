package vn.speedwatch.launcher;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import vn.speedwatch.model.Operator;
import vn.speedwatch.reports.GeneratedReport;
import vn.speedwatch.reports.ProgressListener;
import vn.speedwatch.reports.ReportGenerator;
import vn.speedwatch.reports.ReportRequest;

/** {@code speedwatch report}: the monthly PDF + CSV complaint report per operator. */
@Command(
        name = "report",
        mixinStandardHelpOptions = true,
        description = {
            "Lập báo cáo tháng (PDF + CSV) gửi từng nhà mạng.",
            "Writes the monthly report (PDF + CSV) for each operator."
        })
final class ReportCommand implements Callable<Integer> {

    @Mixin CommonOptions options;

    @Option(
            names = "--month",
            required = true,
            paramLabel = "YYYY-MM",
            description = "Tháng báo cáo, ví dụ 2026-10 / report month")
    String month;

    @Option(
            names = "--operator",
            paramLabel = "CODE",
            description = "Chỉ một nhà mạng (VIETTEL, VNPT, FPT, MOBIFONE…) / one operator only")
    String operator;

    @Option(
            names = "--out",
            paramLabel = "DIR",
            description = "Thư mục ghi báo cáo (mặc định DATA_DIR/reports) / output directory")
    Path out;

    @Option(
            names = "--by",
            paramLabel = "NAME",
            description = "Người yêu cầu, lưu trong sổ lưu trữ / requesting official")
    String by;

    @Override
    public Integer call() {
        String requester = by != null ? by : System.getProperty("user.name", "speedwatch");
        LauncherConfig config = options.config();
        Path dir = out != null ? out : config.dataDir().resolve("reports");
        ReportRequest request =
                ReportRequest.parse(month, operator, dir, requester, Clock.systemUTC());
        try (WarehouseSession session = WarehouseSession.open(config)) {
            List<GeneratedReport> reports =
                    ReportGenerator.create(session.dataSource(), session.settings(config))
                            .generate(request, new Progress());
            System.out.println(
                    "Đã lập " + reports.size() + " báo cáo trong " + dir + " / reports written");
        }
        return 0;
    }

    /** One line per operator as it starts and as it is written. */
    private static final class Progress implements ProgressListener {

        @Override
        public void started(Operator operator, int index, int total) {
            System.out.printf(
                    "[%d/%d] %s: đang lập / preparing…%n", index, total, operator.displayName());
        }

        @Override
        public void finished(GeneratedReport r, int index, int total) {
            System.out.printf(
                    "[%d/%d] %s: %s%s%n",
                    index,
                    total,
                    r.operator().displayName(),
                    r.pdf(),
                    r.hasData() ? "" : " (không có số liệu / no data)");
        }
    }
}
