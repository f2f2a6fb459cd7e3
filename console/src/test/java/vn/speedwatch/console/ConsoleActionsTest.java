package vn.speedwatch.console;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.speedwatch.console.ConsoleClient.csrfOf;
import static vn.speedwatch.console.ConsoleClient.form;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import vn.speedwatch.warehouse.AlertRepository;
import vn.speedwatch.warehouse.AlertRow;
import vn.speedwatch.warehouse.testing.PostgresDatabase;

/** What a signed-in official does: close an alert, generate and download a month's report. */
class ConsoleActionsTest {

    @RegisterExtension static PostgresDatabase db = new PostgresDatabase();
    @TempDir static Path reportsDir;

    static final String PASSWORD = "mật-khẩu-cán-bộ-07";
    static ConsoleServer server;
    static ConsoleClient official;

    @BeforeAll
    static void start() throws Exception {
        new UserAdmin(db.dataSource()).add("tuan.le", "official", PASSWORD);
        server =
                new ConsoleServer(
                        db.dataSource(), Map.of("console.reports-dir", reportsDir.toString()));
        official = new ConsoleClient(server);
        assertThat(official.login("tuan.le", PASSWORD).statusCode()).isEqualTo(303);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void closingAnAlertTakesItOffTheOpenList() throws Exception {
        AlertRepository alerts = new AlertRepository(db.dataSource());
        long id =
                alerts.openIfAbsent(
                                AlertRow.open(
                                        "TDP-04",
                                        "VNPT",
                                        "MOBILE_4G",
                                        AlertRow.MEDIAN_DROP,
                                        Instant.now(),
                                        40L,
                                        8.0,
                                        30.0,
                                        null,
                                        "{}"))
                        .orElseThrow();
        String page = official.get("/admin/alerts").body();
        assertThat(page).contains("data-alert=\"" + id + "\"", "Trung vị giảm");

        HttpResponse<String> r =
                official.post("/admin/alerts/" + id + "/close", form("_csrf", csrfOf(page)));

        assertThat(r.statusCode()).isEqualTo(303);
        assertThat(alerts.findOpen()).noneMatch(a -> a.id() == id);
        assertThat(official.get("/admin/alerts?m=closed").body())
                .contains("Đã đóng cảnh báo")
                .doesNotContain("data-alert=\"" + id + "\"");
    }

    @Test
    void aMonthsReportIsGeneratedArchivedAndDownloadable() throws Exception {
        YearMonth last = YearMonth.now(ZoneId.of("Asia/Ho_Chi_Minh")).minusMonths(1);
        String page = official.get("/admin/reports").body();

        HttpResponse<String> r =
                official.post(
                        "/admin/reports/generate",
                        form(
                                "_csrf",
                                csrfOf(page),
                                "month",
                                last.toString(),
                                "operator",
                                "VIETTEL"));

        assertThat(r.statusCode()).isEqualTo(303);
        String archive = official.get("/admin/reports?m=generated").body();
        assertThat(archive).contains("Đã lập báo cáo", last.toString(), "VIETTEL", "tuan.le");
        Matcher link = Pattern.compile("href=\"(/admin/reports/\\d+/pdf)\"").matcher(archive);
        assertThat(link.find()).isTrue();
        HttpResponse<String> pdf = official.get(link.group(1));
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).contains("application/pdf");
        assertThat(pdf.body()).startsWith("%PDF");
    }

    @Test
    void aFutureMonthIsRefusedWithTheReason() throws Exception {
        String page = official.get("/admin/reports").body();
        YearMonth next = YearMonth.now(ZoneId.of("Asia/Ho_Chi_Minh")).plusMonths(2);

        HttpResponse<String> r =
                official.post(
                        "/admin/reports/generate",
                        form("_csrf", csrfOf(page), "month", next.toString(), "operator", ""));

        assertThat(r.statusCode()).isEqualTo(422);
        assertThat(r.body()).contains("chưa đến");
    }

    @Test
    void anUnknownReportIsNotFound() throws Exception {
        assertThat(official.get("/admin/reports/999999/pdf").statusCode()).isEqualTo(404);
    }
}
