package vn.speedwatch.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import vn.speedwatch.collector.Collector;
import vn.speedwatch.console.ConsoleConfig;
import vn.speedwatch.console.ConsoleRoutes;
import vn.speedwatch.console.UserAdmin;
import vn.speedwatch.kafka.EmbeddedKafkaBroker;
import vn.speedwatch.model.Settings;
import vn.speedwatch.model.ValidationLimits;
import vn.speedwatch.warehouse.AlertRepository;
import vn.speedwatch.warehouse.AlertRow;
import vn.speedwatch.warehouse.testing.PostgresDatabase;

/**
 * SQL injection, path traversal, NUL bytes, markup and over-long values in every parameter of the
 * officials' console (signed in, with a valid CSRF token, so the payload reaches the handler) and
 * of the collector's receipt, comparison, download and format parameters: each answer is a 4xx or
 * an ordinary page, never a 5xx, never a file from the disk or an unescaped payload; the tables are
 * intact afterwards.
 */
class HostileParametersTest {

    @RegisterExtension static final PostgresDatabase DB = new PostgresDatabase();

    @TempDir static Path kafkaDir;
    @TempDir static Path reportsDir;

    private static final String PASSWORD = "mật-khẩu-đủ-dài-2026";
    private static final String MARKUP = "<script>alert(1)</script>";
    private static final List<String> PAYLOADS =
            List.of(
                    "' OR '1'='1",
                    "1; DROP TABLE alerts--",
                    "1' UNION SELECT username, password_hash FROM officials--",
                    "../../etc/passwd",
                    "..%2f..%2f..%2fetc%2fpasswd",
                    "%2e%2e%2f%2e%2e%2fetc%2fpasswd",
                    "1\u0000' OR 1=1",
                    MARKUP,
                    "9".repeat(40),
                    "A".repeat(6_000));
    private static final List<String> TABLES = List.of("alerts", "monthly_reports", "officials");

    private static Vertx vertx;
    private static EmbeddedKafkaBroker broker;
    private static Collector collector;

    private final List<String> rows = new ArrayList<>();
    private final Map<Integer, Integer> statuses = new java.util.TreeMap<>();
    private final java.util.Set<String> echoedAs = new java.util.TreeSet<>();

    @BeforeAll
    static void start() throws Exception {
        new UserAdmin(DB.dataSource()).add("lan.official", "official", PASSWORD);
        vertx = Vertx.vertx();
        broker = EmbeddedKafkaBroker.start(kafkaDir, 0);
        broker.createTopic(Fixtures.TOPIC, 2);
        ConsoleConfig console =
                ConsoleConfig.from(
                        Settings.of(Map.of("console.reports-dir", reportsDir.toString())));
        collector =
                BadInputFloodTest.join(
                        Collector.start(
                                vertx,
                                Fixtures.config(broker.bootstrapServers(), DB),
                                ValidationLimits.defaults(),
                                router ->
                                        ConsoleRoutes.mount(
                                                router, vertx, console, DB.dataSource())));
    }

    @AfterAll
    static void stop() throws Exception {
        BadInputFloodTest.join(collector.close());
        broker.close();
        BadInputFloodTest.join(vertx.close());
    }

    @Test
    void everyConsoleParameterShrugsOffHostileValues() throws Exception {
        AlertRepository alerts = new AlertRepository(DB.dataSource());
        long alert =
                alerts.openIfAbsent(
                                AlertRow.open(
                                        "TDP-07",
                                        "Viettel",
                                        "FIXED_FIBER",
                                        AlertRow.MEDIAN_DROP,
                                        Instant.now(),
                                        40L,
                                        8.0,
                                        30.0,
                                        null,
                                        "{}"))
                        .orElseThrow();
        Map<String, Long> before = counts();
        ConsoleCaller lan = new ConsoleCaller(collector.port()).signIn("lan.official", PASSWORD);

        for (String p : PAYLOADS) {
            String q = query(p);
            for (String param : List.of("operator", "access", "month", "measure")) {
                check("GET /admin/map?" + param, p, lan.get("/admin/map?" + param + "=" + q));
            }
            check("GET /admin/alerts?m", p, lan.get("/admin/alerts?m=" + q));
            check("GET /admin/reports?m", p, lan.get("/admin/reports?m=" + q));
            check("GET /admin/reports/:id", p, lan.get("/admin/reports/" + segment(p) + "/pdf"));
            check("GET /admin/reports/:kind", p, lan.get("/admin/reports/1/" + segment(p)));
            check(
                    "POST /admin/alerts/:id/ack",
                    p,
                    lan.post("/admin/alerts/" + segment(p) + "/ack", Map.of(), true));
            check(
                    "POST /admin/alerts/:id/close",
                    p,
                    lan.post("/admin/alerts/" + segment(p) + "/close", Map.of(), true));
            check(
                    "POST /admin/reports/generate month",
                    p,
                    lan.post("/admin/reports/generate", Map.of("month", p), true));
            check(
                    "POST /admin/reports/generate operator",
                    p,
                    lan.post(
                            "/admin/reports/generate",
                            Map.of("month", "2026-10", "operator", p),
                            true));
            check(
                    "POST /admin/alerts/:id/ack _csrf",
                    p,
                    lan.post("/admin/alerts/" + alert + "/ack", Map.of("_csrf", p), false));
        }
        // Last: failed sign-ins may lock the account out, which is the intended effect.
        for (String p : PAYLOADS) {
            ConsoleCaller.Answer asUser =
                    new ConsoleCaller(collector.port()).signInAnswer(p, PASSWORD);
            ConsoleCaller.Answer asPassword =
                    new ConsoleCaller(collector.port()).signInAnswer("lan.official", p);
            check("POST /admin/login username", p, asUser);
            check("POST /admin/login password", p, asPassword);
            assertThat(List.of(asUser.status(), asPassword.status()))
                    .as("sign-in with " + p)
                    .doesNotContain(303);
        }

        Results.record(
                "hostile console parameters",
                rows.size()
                        + " requests, "
                        + PAYLOADS.size()
                        + " payloads × every query, form and path parameter; statuses "
                        + statuses
                        + "; tables "
                        + before
                        + " → "
                        + counts());
        assertThat(rows)
                .as("answers that are 5xx, leak a file or echo markup")
                .noneMatch(r -> r.contains("BAD"));
        assertThat(counts()).as("row counts of " + TABLES).isEqualTo(before);
        assertThat(alerts.findOpen())
                .as("the open alert, neither acknowledged nor closed")
                .anySatisfy(
                        a -> {
                            assertThat(a.id()).isEqualTo(alert);
                            assertThat(a.acknowledgedBy()).isNull();
                        });
    }

    @Test
    void everyCollectorParameterShrugsOffHostileValues() throws Exception {
        Client client = new Client(collector.port());
        long topicBefore = new Topic(broker.bootstrapServers()).all().size();
        for (String p : PAYLOADS) {
            String q = query(p);
            check(
                    "GET /api/v1/measurements/:receipt",
                    p,
                    client.get("/api/v1/measurements/" + segment(p), Map.of()));
            check(
                    "DELETE /api/v1/measurements/:receipt",
                    p,
                    client.delete("/api/v1/measurements/" + segment(p), Map.of()));
            for (String param : List.of("tdp", "operator", "access")) {
                Map<String, String> ok =
                        new LinkedHashMap<>(
                                Map.of(
                                        "tdp",
                                        "TDP-07",
                                        "operator",
                                        "VIETTEL",
                                        "access",
                                        "FIXED_FIBER"));
                ok.put(param, q);
                check(
                        "GET /api/v1/compare?" + param,
                        p,
                        client.get(
                                "/api/v1/compare?"
                                        + String.join(
                                                "&",
                                                ok.entrySet().stream()
                                                        .map(e -> e.getKey() + "=" + e.getValue())
                                                        .toList()),
                                Map.of()));
            }
            check(
                    "GET /api/v1/speedtest/download?bytes",
                    p,
                    client.get("/api/v1/speedtest/download?bytes=" + q, Map.of()));
            check(
                    "POST /api/v1/measurements?format",
                    p,
                    client.postTo(
                            "/api/v1/measurements?format=" + q,
                            Fixtures.measurement(50).toString()));
        }
        long topicAfter = new Topic(broker.bootstrapServers()).all().size();
        Results.record(
                "hostile collector parameters",
                rows.size()
                        + " requests, "
                        + PAYLOADS.size()
                        + " payloads × receipt, compare, bytes, format; statuses "
                        + statuses
                        + "; markup echoed only in "
                        + echoedAs
                        + "; topic records "
                        + topicBefore
                        + " → "
                        + topicAfter);
        assertThat(rows)
                .as("answers that are 5xx, leak a file or echo markup")
                .noneMatch(r -> r.contains("BAD"));
        assertThat(topicAfter).as("nothing published, no erasure requested").isEqualTo(topicBefore);
    }

    private void check(String where, String payload, ConsoleCaller.Answer a) {
        check(where, payload, a.status(), "text/html", a.body());
    }

    private void check(String where, String payload, HttpResponse<String> r) {
        assertThat(r).as(where + " answered").isNotNull();
        check(
                where,
                payload,
                r.statusCode(),
                r.headers().firstValue("Content-Type").orElse(""),
                r.body());
    }

    /**
     * Markup echoed in a JSON problem document is inert (served with nosniff); in a page it would
     * run, so only pages are held to it.
     */
    private void check(String where, String payload, int status, String type, String body) {
        boolean bad =
                status >= 500
                        || body.contains("root:x:0:0")
                        || (type.startsWith("text/html") && body.contains(MARKUP))
                        || body.contains("PSQLException")
                        || body.contains("SQLException");
        rows.add(where + " [" + abbreviate(payload) + "] → " + status + (bad ? " BAD" : ""));
        statuses.merge(status, 1, Integer::sum);
        if (body.contains(MARKUP)) {
            echoedAs.add(type);
        }
    }

    private static Map<String, Long> counts() throws Exception {
        Map<String, Long> m = new LinkedHashMap<>();
        for (String t : TABLES) {
            m.put(t, NoRawIpTest.count(DB.dataSource(), "SELECT count(*) FROM " + t));
        }
        m.put(
                "tables",
                NoRawIpTest.count(
                        DB.dataSource(),
                        "SELECT count(*) FROM"
                                + " information_schema.tables WHERE table_schema = 'public'"));
        return m;
    }

    /** As a browser would put it in a query string (the %2e forms stay literal text). */
    private static String query(String payload) {
        return URLEncoder.encode(payload, StandardCharsets.UTF_8);
    }

    /** As one path segment; the payloads that are already %-encoded are sent raw. */
    private static String segment(String payload) {
        return payload.contains("%2") || payload.startsWith("../")
                ? payload.replace(" ", "%20")
                : URLEncoder.encode(payload, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String abbreviate(String s) {
        String visible = s.replace("\u0000", "\\0");
        return visible.length() > 40 ? visible.substring(0, 12) + "…(" + s.length() + ")" : visible;
    }
}
