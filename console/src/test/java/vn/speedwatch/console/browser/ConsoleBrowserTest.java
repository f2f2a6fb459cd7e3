package vn.speedwatch.console.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import vn.speedwatch.console.ConsoleConfig;
import vn.speedwatch.console.ConsoleRoutes;
import vn.speedwatch.console.UserAdmin;
import vn.speedwatch.model.Settings;
import vn.speedwatch.warehouse.AlertRepository;
import vn.speedwatch.warehouse.AlertRow;
import vn.speedwatch.warehouse.testing.PostgresDatabase;

/** An official in a real browser: sign-in, the coloured ward map and an alert's acknowledgement. */
class ConsoleBrowserTest {

    @RegisterExtension static PostgresDatabase db = new PostgresDatabase();

    static final String PASSWORD = "đổi-mật-khẩu-này-2026";
    static Vertx vertx;
    static int port;
    static Browser browser;

    @BeforeAll
    static void start() throws Exception {
        browser = Browser.start();
        new UserAdmin(db.dataSource()).add("hoa.tran", "admin", PASSWORD);
        Instant today =
                LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"))
                        .atStartOfDay(ZoneId.of("Asia/Ho_Chi_Minh"))
                        .toInstant();
        Aggregates agg = new Aggregates(db.dataSource());
        agg.day(today, "TDP-01", "VIETTEL", "FIXED_FIBER", 30, 6, 5.0, 27);
        agg.day(today, "TDP-02", "VIETTEL", "FIXED_FIBER", 25, 5, 150.0, 1);
        agg.day(today, "TDP-03", "VIETTEL", "FIXED_FIBER", 60, 3, 400.0, 0);
        new AlertRepository(db.dataSource())
                .openIfAbsent(
                        AlertRow.open(
                                "TDP-01",
                                "VIETTEL",
                                "FIXED_FIBER",
                                AlertRow.BELOW_QCVN,
                                today,
                                30L,
                                5.0,
                                80.0,
                                0.9,
                                "{}"));
        vertx = Vertx.vertx();
        Router router = Router.router(vertx);
        ConsoleRoutes.mount(
                router, vertx, ConsoleConfig.from(Settings.of(Map.of())), db.dataSource());
        port =
                vertx.createHttpServer()
                        .requestHandler(router)
                        .listen(0, "127.0.0.1")
                        .await()
                        .actualPort();
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) {
            browser.close();
        }
        if (vertx != null) {
            vertx.close().await();
        }
    }

    @Test
    void anOfficialSignsInSeesTheMapInColoursAndAcknowledgesAnAlert() throws Exception {
        browser.size(Browser.PHONE);
        browser.driver.manage().deleteAllCookies();
        browser.driver.get(url("/admin"));
        assertThat(browser.driver.getCurrentUrl()).endsWith("/admin/login");
        browser.screenshot("console-phone-login");

        signIn("hoa.tran", "sai-mật-khẩu");
        // The click submits the form; the answer page may not have replaced the old one yet.
        browser.waiting(10).until(d -> !d.findElements(By.id("login-error")).isEmpty());
        assertThat(el("login-error").getText()).contains("Sai tên đăng nhập hoặc mật khẩu");
        assertThat(browser.driver.getCurrentUrl()).endsWith("/admin/login");

        signIn("hoa.tran", PASSWORD);
        browser.waiting(10).until(d -> d.getCurrentUrl().endsWith("/admin/map"));
        assertThat(fill("TDP-01")).isEqualTo("#d73027"); // 5 Mbit/s: under 10
        assertThat(fill("TDP-02")).isEqualTo("#91bfdb"); // 150 Mbit/s
        assertThat(fill("TDP-03")).isEqualTo("#d9d9d9"); // three devices: not enough
        assertThat(fill("TDP-12")).isEqualTo("#d9d9d9"); // no tests at all
        assertThat(browser.driver.findElements(By.cssSelector("svg.map path"))).hasSize(12);
        assertThat(el("main").getText()).contains("Chưa đủ mẫu / Not enough samples");
        browser.screenshot("console-phone-map");
        browser.size(Browser.DESKTOP);
        browser.screenshot("console-desktop-map");

        new org.openqa.selenium.support.ui.Select(el("measure")).selectByValue("below");
        browser.driver.findElement(By.cssSelector("form.filters button")).click();
        browser.waiting(10).until(d -> d.getCurrentUrl().contains("measure=below"));
        assertThat(fill("TDP-01")).isEqualTo("#d73027"); // 90 % below QCVN
        assertThat(fill("TDP-02")).isEqualTo("#4575b4"); // 4 %

        browser.driver.findElement(By.linkText("Cảnh báo / Alerts")).click();
        WebElement row = browser.driver.findElement(By.cssSelector("tr[data-alert]"));
        assertThat(row.getText()).contains("TDP-01", "Dưới QCVN");
        row.findElement(By.xpath(".//button[contains(., 'Acknowledge')]")).click();
        browser.waiting(10).until(d -> d.getCurrentUrl().contains("m=ack"));
        assertThat(browser.driver.findElement(By.cssSelector("tr[data-alert]")).getText())
                .contains("Đã xem / Acknowledged (hoa.tran)");
        browser.screenshot("console-desktop-alerts");
    }

    private static void signIn(String user, String password) {
        if (!browser.driver.getCurrentUrl().endsWith("/admin/login")) {
            browser.driver.get(url("/admin/login"));
        }
        el("username").clear();
        el("username").sendKeys(user);
        el("password").sendKeys(password);
        el("login").click();
    }

    private static String fill(String tdp) {
        return browser.driver
                .findElement(By.cssSelector("svg.map path[data-tdp='" + tdp + "']"))
                .getDomAttribute("fill");
    }

    private static WebElement el(String id) {
        return browser.driver.findElement(By.id(id));
    }

    private static String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }
}
