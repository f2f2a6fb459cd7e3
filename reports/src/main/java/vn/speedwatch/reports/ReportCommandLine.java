package vn.speedwatch.reports;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import vn.speedwatch.model.Settings;
import vn.speedwatch.warehouse.Warehouse;
import vn.speedwatch.warehouse.WarehouseConfig;

/**
 * A thin command line until the launcher's {@code speedwatch report} takes over: {@code
 * ReportCommandLine YYYY-MM [OPERATOR] [--out DIR] [--by NAME] [--config FILE]}. Database and
 * report settings come from {@link Settings} (file, then {@code SPEEDWATCH_*}).
 */
public final class ReportCommandLine {

    private ReportCommandLine() {}

    public static void main(String[] args) {
        try {
            System.exit(run(args));
        } catch (ReportException | Settings.ConfigException e) {
            System.err.println("Lỗi / error: " + e.getMessage());
            System.exit(2);
        }
    }

    static int run(String[] args) {
        Arguments a = Arguments.parse(args);
        if (a == null) {
            System.err.println(
                    "Cách dùng / usage: ReportCommandLine YYYY-MM [OPERATOR]"
                            + " [--out DIR] [--by NAME] [--config FILE]");
            return 2;
        }
        ReportRequest request =
                ReportRequest.parse(a.month(), a.operator(), a.out(), a.by(), Clock.systemUTC());
        Settings settings = Settings.load(a.config());
        try (HikariDataSource ds = Warehouse.open(WarehouseConfig.from(settings))) {
            List<GeneratedReport> reports =
                    ReportGenerator.create(ds, settings)
                            .generate(
                                    request,
                                    new ProgressListener() {
                                        @Override
                                        public void finished(
                                                GeneratedReport r, int index, int total) {
                                            System.out.printf(
                                                    "[%d/%d] %s: %s (%s)%n",
                                                    index,
                                                    total,
                                                    r.operator().name(),
                                                    r.pdf(),
                                                    r.hasData()
                                                            ? "sha256 " + r.pdfSha256()
                                                            : "không có số liệu");
                                        }
                                    });
            System.out.println("Đã lập " + reports.size() + " báo cáo / reports written");
        }
        return 0;
    }

    /** The parsed command line; null when it does not follow the usage. */
    private record Arguments(String month, String operator, Path out, String by, Path config) {

        static Arguments parse(String[] args) {
            String month = null;
            String operator = null;
            Path out = Path.of("reports-out");
            String by = System.getProperty("user.name", "cli");
            Path config = null;
            for (int i = 0; i < args.length; i++) {
                boolean hasValue = i + 1 < args.length;
                switch (args[i]) {
                    case "--out" -> out = hasValue ? Path.of(args[++i]) : null;
                    case "--by" -> by = hasValue ? args[++i] : null;
                    case "--config" -> config = hasValue ? Path.of(args[++i]) : null;
                    default -> {
                        if (month == null) {
                            month = args[i];
                        } else if (operator == null) {
                            operator = args[i];
                        } else {
                            return null;
                        }
                    }
                }
            }
            return month == null || out == null || by == null
                    ? null
                    : new Arguments(month, operator, out, by, config);
        }
    }
}
