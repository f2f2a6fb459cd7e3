package vn.speedwatch.console.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import vn.speedwatch.collector.Collector;
import vn.speedwatch.collector.config.CollectorConfig;
import vn.speedwatch.kafka.EmbeddedKafkaBroker;
import vn.speedwatch.model.ClientKind;
import vn.speedwatch.model.MeasurementEvent;
import vn.speedwatch.model.Settings;
import vn.speedwatch.warehouse.testing.PostgresDatabase;

/**
 * A resident on a phone: runs the in-browser test against the local server, types an i-Speed
 * result, fixes what the server refuses, and erases a result; the topic shows what arrived.
 */
class ResidentPageBrowserTest {

    @RegisterExtension static PostgresDatabase db = new PostgresDatabase();
    @TempDir static Path kafkaDir;

    static EmbeddedKafkaBroker broker;
    static Vertx vertx;
    static Collector collector;
    static ResidentSite site;
    static Browser browser;
    static Topic topic;

    @BeforeAll
    static void start() throws Exception {
        browser = Browser.start();
        broker = EmbeddedKafkaBroker.start(kafkaDir, 0);
        broker.createTopic(Topic.NAME, 1);
        topic = new Topic(broker.bootstrapServers());
        vertx = Vertx.vertx();
        collector = Collector.start(vertx, collectorConfig("1000", "1000")).await();
        site = new ResidentSite(vertx, collector, db.dataSource());
        Instant yesterday = Instant.now().truncatedTo(ChronoUnit.DAYS).minus(1, ChronoUnit.DAYS);
        new Aggregates(db.dataSource())
                .day(yesterday, "TDP-07", "VIETTEL", "FIXED_FIBER", 40, 8, 92.0, 2);
    }

    static CollectorConfig collectorConfig(String ratePerSecond, String burst) {
        Map<String, String> s = new HashMap<>();
        s.put("http.host", "127.0.0.1");
        s.put("http.port", "0");
        s.put("kafka.bootstrap-servers", broker.bootstrapServers());
        s.put("collector.rate-per-second", ratePerSecond);
        s.put("collector.burst", burst);
        s.put("receipt.secret", "receipt-test");
        s.put("privacy.ip-hash-secret", "ip-test");
        return CollectorConfig.from(Settings.of(s));
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) {
            browser.close();
        }
        if (site != null) {
            site.close();
            collector.close().await();
            vertx.close().await();
            broker.close();
        }
    }

    @BeforeEach
    void freshPage() {
        browser.size(Browser.PHONE);
        browser.driver.get(site.url("/?duration=2"));
        browser.driver.executeScript("localStorage.clear()");
        browser.driver.navigate().refresh();
        browser.waiting(10).until(d -> new Select(el("tdpCode")).getOptions().size() > 12);
    }

    @Test
    void aTestRunInTheBrowserArrivesOnTheTopicAndTheReceiptComparesWithTheTdp() throws Exception {
        browser.screenshot("resident-phone-start");
        choose("operator", "VIETTEL");
        choose("accessType", "FIXED_FIBER");
        choose("tdpCode", "TDP-07");
        el("start").click();
        browser.waiting(40).until(d -> !el("downloadMbps").getAttribute("value").isEmpty());
        browser.screenshot("resident-phone-tested");
        double download = Double.parseDouble(el("downloadMbps").getAttribute("value"));
        assertThat(download).isPositive();
        assertThat(Double.parseDouble(el("uploadMbps").getAttribute("value"))).isPositive();
        assertThat(Double.parseDouble(el("latencyMs").getAttribute("value"))).isPositive();

        el("submit").click();
        browser.waiting(15).until(ExpectedConditions.visibilityOfElementLocated(By.id("receipt")));
        browser.waiting(10).until(d -> !el("compare").getText().isEmpty());
        browser.screenshot("resident-phone-receipt");
        assertThat(el("receipt-code").getText()).isNotBlank();
        assertThat(el("compare").getText()).contains("92", "Mbit/s");

        MeasurementEvent event = lastEvent();
        assertThat(event.measurement().client()).isEqualTo(ClientKind.WEB);
        assertThat(event.measurement().tdpCode()).isEqualTo("TDP-07");
        assertThat(event.measurement().downloadMbps()).isEqualTo(download);
        assertThat(event.measurement().consent()).isNull(); // no location was shared
    }

    @Test
    void aManualEntryRefusedByTheServerShowsTheMessageByTheFieldAndKeepsWhatWasTyped()
            throws Exception {
        el("mode-manual").click();
        type("downloadMbps", "-5");
        type("uploadMbps", "12");
        type("latencyMs", "25");
        choose("operator", "MOBIFONE");
        choose("accessType", "MOBILE_4G");
        choose("tdpCode", "TDP-02");
        el("submit").click();

        browser.waiting(10).until(d -> !el("downloadMbps-err").getText().isEmpty());
        browser.screenshot("resident-phone-invalid");
        assertThat(el("notice").getText()).contains("chưa hợp lệ");
        assertThat(el("downloadMbps").getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(el("uploadMbps").getAttribute("value")).isEqualTo("12");
        assertThat(new Select(el("operator")).getFirstSelectedOption().getAttribute("value"))
                .isEqualTo("MOBIFONE");

        type("downloadMbps", "45.5");
        el("submit").click();
        browser.waiting(15).until(ExpectedConditions.visibilityOfElementLocated(By.id("receipt")));
        browser.waiting(10).until(d -> !el("compare").getText().isEmpty());
        assertThat(el("compare").getText()).contains("Chưa đủ mẫu");
        MeasurementEvent event = lastEvent();
        assertThat(event.measurement().client()).isEqualTo(ClientKind.I_SPEED_MANUAL);
        assertThat(event.measurement().downloadMbps()).isEqualTo(45.5);

        el("erase").click();
        browser.waiting(10).until(d -> !el("erase-status").getText().isEmpty());
        assertThat(el("erase-status").getText()).contains("Đã gửi yêu cầu xóa");
        MeasurementEvent erasure = lastEvent();
        assertThat(erasure.type()).isEqualTo(MeasurementEvent.Type.ERASURE);
        assertThat(erasure.id()).isEqualTo(event.id());
    }

    @Test
    void theLocationIsAskedOnlyAfterConsentAndThenSentWithIt() throws Exception {
        browser.driver.executeCdpCommand(
                "Browser.grantPermissions",
                Map.of("origin", site.url(""), "permissions", List.of("geolocation")));
        browser.driver.executeCdpCommand(
                "Emulation.setGeolocationOverride",
                Map.of("latitude", 20.9215, "longitude", 106.6523, "accuracy", 25));
        browser.driver.executeScript(
                "window.geoCalls = 0; const g = navigator.geolocation;"
                        + " const real = g.getCurrentPosition.bind(g);"
                        + " g.getCurrentPosition = function (a, b, c) {"
                        + " window.geoCalls++; real(a, b, c); };");
        el("mode-manual").click();
        type("downloadMbps", "61.2");
        type("uploadMbps", "20");
        type("latencyMs", "18");
        choose("operator", "VNPT");
        choose("accessType", "FIXED_FIBER");
        assertThat(((Number) browser.driver.executeScript("return window.geoCalls")).intValue())
                .isZero();

        el("consent").click();
        browser.waiting(10).until(d -> el("geo-status").getText().startsWith("Đã lấy vị trí"));
        assertThat(((Number) browser.driver.executeScript("return window.geoCalls")).intValue())
                .isEqualTo(1);
        el("submit").click();
        browser.waiting(15).until(ExpectedConditions.visibilityOfElementLocated(By.id("receipt")));

        MeasurementEvent event = lastEvent();
        assertThat(event.measurement().consent()).isTrue();
        assertThat(event.measurement().latitude()).isEqualTo(20.9215);
        assertThat(event.measurement().longitude()).isEqualTo(106.6523);
        assertThat(event.measurement().tdpCode()).isNull();
    }

    @Test
    void offlineTheMessageSaysSoAndWhatWasTypedStays() throws Exception {
        el("mode-manual").click();
        type("downloadMbps", "33");
        type("uploadMbps", "11");
        type("latencyMs", "40");
        choose("operator", "VIETTEL");
        choose("accessType", "MOBILE_4G");
        choose("tdpCode", "TDP-05");
        browser.driver.setNetworkConditions(offline(true));
        try {
            el("submit").click();
            browser.waiting(10).until(d -> !el("notice").getText().isEmpty());
            assertThat(el("notice").getText()).contains("Không có kết nối mạng");
            assertThat(el("downloadMbps").getAttribute("value")).isEqualTo("33");
            assertThat(el("form").isDisplayed()).isTrue();
        } finally {
            browser.driver.setNetworkConditions(offline(false));
        }
    }

    @Test
    void tooManySubmissionsSayWhenToTryAgain() throws Exception {
        Collector strict = Collector.start(vertx, collectorConfig("0.01", "1")).await();
        ResidentSite strictSite = new ResidentSite(vertx, strict, db.dataSource());
        try {
            browser.driver.get(strictSite.url("/"));
            browser.waiting(10).until(d -> new Select(el("tdpCode")).getOptions().size() > 12);
            el("mode-manual").click();
            type("downloadMbps", "70");
            type("uploadMbps", "30");
            type("latencyMs", "9");
            choose("operator", "FPT");
            choose("accessType", "FIXED_FIBER");
            choose("tdpCode", "TDP-09");
            el("submit").click();
            browser.waiting(15)
                    .until(ExpectedConditions.visibilityOfElementLocated(By.id("receipt")));
            el("again").click();
            el("submit").click();
            browser.waiting(10).until(d -> !el("notice").getText().isEmpty());
            assertThat(el("notice").getText())
                    .matches("Bạn gửi quá nhanh\\. Hãy thử lại sau" + " \\d+ giây\\.");
            assertThat(el("downloadMbps").getAttribute("value")).isEqualTo("70");
        } finally {
            strictSite.close();
            strict.close().await();
        }
    }

    private static org.openqa.selenium.chromium.ChromiumNetworkConditions offline(boolean off) {
        org.openqa.selenium.chromium.ChromiumNetworkConditions c =
                new org.openqa.selenium.chromium.ChromiumNetworkConditions();
        c.setOffline(off);
        return c;
    }

    @Test
    void missingAnswersAreNamedBeforeAnythingIsSent() throws Exception {
        long before = topic.events().size();
        el("mode-manual").click();
        el("submit").click();
        assertThat(el("downloadMbps-err").getText()).isEqualTo("Vui lòng điền ô này.");
        assertThat(el("operator-err").getText()).isEqualTo("Vui lòng điền ô này.");
        assertThat(el("tdpCode-err").getText()).contains("tổ dân phố");
        assertThat(topic.events()).hasSize((int) before);
    }

    @Test
    void theEnglishChoiceIsRememberedAndTheDesktopLayoutHolds() throws Exception {
        el("lang").click();
        browser.driver.navigate().refresh();
        browser.waiting(10)
                .until(
                        d ->
                                "en".equals(el("main").getDomAttribute("lang"))
                                        || "en"
                                                .equals(
                                                        d.findElement(By.tagName("html"))
                                                                .getDomAttribute("lang")));
        assertThat(el("start").getText()).isEqualTo("Start test");
        browser.size(Browser.DESKTOP);
        browser.screenshot("resident-desktop-en");
        el("lang").click();
        assertThat(el("start").getText()).isEqualTo("Bắt đầu đo");
    }

    @Test
    void everyInputIsLabelledTheSubmitButtonIsReachableByKeyboardAndTextHasContrast() {
        for (WebElement input : browser.driver.findElements(By.cssSelector("input, select"))) {
            Object labels =
                    browser.driver.executeScript("return arguments[0].labels.length", input);
            assertThat(((Number) labels).intValue())
                    .as("labels of #" + input.getDomAttribute("id"))
                    .isPositive();
        }
        el("lang").sendKeys(""); // focus starts at the top of the page
        browser.driver.executeScript("document.getElementById('lang').focus()");
        boolean reached = false;
        for (int i = 0; i < 40 && !reached; i++) {
            browser.driver.switchTo().activeElement().sendKeys(Keys.TAB);
            reached =
                    "submit"
                            .equals(
                                    browser.driver
                                            .switchTo()
                                            .activeElement()
                                            .getDomAttribute("id"));
        }
        assertThat(reached).as("TAB reaches the submit button").isTrue();
        for (String selector : List.of("body", "label[for=operator]", ".hint", "#submit")) {
            assertThat(contrast(selector)).as(selector).isGreaterThanOrEqualTo(4.5);
        }
    }

    /** WCAG contrast of an element's text colour against its (or its ancestors') background. */
    private double contrast(String selector) {
        Object ratio =
                ((JavascriptExecutor) browser.driver)
                        .executeScript(
                                """
                const el = document.querySelector(arguments[0]);
                const rgb = s => s.match(/[\\d.]+/g).map(Number);
                const lum = c => { const v = c.slice(0, 3).map(x => { x /= 255;
                    return x <= 0.03928 ? x / 12.92 : Math.pow((x + 0.055) / 1.055, 2.4); });
                    return 0.2126 * v[0] + 0.7152 * v[1] + 0.0722 * v[2]; };
                let bg = el, b;
                do { b = rgb(getComputedStyle(bg).backgroundColor); bg = bg.parentElement; }
                while (bg && b.length === 4 && b[3] === 0);
                if (b.length === 4 && b[3] === 0) b = [255, 255, 255];
                const f = lum(rgb(getComputedStyle(el).color)), k = lum(b);
                return (Math.max(f, k) + 0.05) / (Math.min(f, k) + 0.05);
                """,
                                selector);
        return ((Number) ratio).doubleValue();
    }

    private MeasurementEvent lastEvent() throws Exception {
        List<MeasurementEvent> events = topic.events();
        return events.get(events.size() - 1);
    }

    private static WebElement el(String id) {
        return browser.driver.findElement(By.id(id));
    }

    private static void choose(String id, String value) {
        new Select(el(id)).selectByValue(value);
    }

    private static void type(String id, String text) {
        WebElement e = el(id);
        e.clear();
        e.sendKeys(text);
    }
}
