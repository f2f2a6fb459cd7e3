package vn.speedwatch.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;
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
 * The console half of the authorization matrix: the officials' console mounted on the collector's
 * server as the launcher mounts it, and every console route (read from the router, so a new route
 * without a row here fails) × {anonymous, resident holding a receipt, official, admin} × with and
 * without the CSRF token → the expected status.
 *
 * <p>Lock-out after failed sign-ins, idle expiry and the cookie flags are proved in {@code
 * console/ConsoleSecurityTest}; this class adds what needs the whole server: the route inventory,
 * the roles side by side, and a session cookie that keeps nothing after logout.
 */
class ConsoleAuthorizationMatrixTest {

    @RegisterExtension static final PostgresDatabase DB = new PostgresDatabase();

    @TempDir static Path kafkaDir;
    @TempDir static Path reportsDir;

    private static final String PASSWORD = "mật-khẩu-đủ-dài-2026";

    /**
     * Routes that only filter (headers, body, session): they carry no page of their own. Vert.x
     * reports {@code /admin/*} as {@code /admin/}.
     */
    private static final Set<String> FILTERS = Set.of("* /admin", "* /admin/", "POST /admin/");

    /** Every console endpoint this matrix answers for. */
    private static final Set<String> ENDPOINTS =
            Set.of(
                    "GET /admin",
                    "GET /admin/assets/",
                    "GET /admin/login",
                    "POST /admin/login",
                    "POST /admin/logout",
                    "GET /admin/map",
                    "GET /admin/alerts",
                    "POST /admin/alerts/:id/ack",
                    "POST /admin/alerts/:id/close",
                    "GET /admin/reports",
                    "GET /admin/reports/:id/:kind",
                    "POST /admin/reports/generate");

    private static Vertx vertx;
    private static EmbeddedKafkaBroker broker;
    private static Collector collector;
    private static final AtomicReference<Router> ROUTER = new AtomicReference<>();
    private static ConsoleCaller anonymous;

    @BeforeAll
    static void start() throws Exception {
        UserAdmin users = new UserAdmin(DB.dataSource());
        users.add("lan.official", "official", PASSWORD);
        users.add("minh.admin", "admin", PASSWORD);
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
                                router -> {
                                    ConsoleRoutes.mount(router, vertx, console, DB.dataSource());
                                    ROUTER.set(router);
                                }));
        anonymous = new ConsoleCaller(collector.port());
    }

    @AfterAll
    static void stop() throws Exception {
        BadInputFloodTest.join(collector.close());
        broker.close();
        BadInputFloodTest.join(vertx.close());
    }

    @Test
    void everyConsoleRouteHasARowInThisMatrix() {
        Set<String> found = new TreeSet<>();
        for (Route r : ROUTER.get().getRoutes()) {
            String path = r.getPath();
            if (path == null || !path.startsWith("/admin")) {
                continue;
            }
            Set<HttpMethod> methods = r.methods() == null ? Set.of() : r.methods();
            if (methods.isEmpty()) {
                found.add("* " + path);
            }
            methods.forEach(m -> found.add(m.name() + " " + path));
        }
        Set<String> known = new TreeSet<>(FILTERS);
        known.addAll(ENDPOINTS);
        assertThat(found)
                .as("console routes on the server; a new one needs a row in this test")
                .containsExactlyInAnyOrderElementsOf(known);
    }

    @Test
    void everyConsoleRouteAnswersEachKindOfCallerAsSpecified() throws Exception {
        AlertRepository alerts = new AlertRepository(DB.dataSource());
        String receipt = receiptOfANewResult();
        Map<String, ConsoleCaller> callers = new LinkedHashMap<>();
        callers.put("anonymous", anonymous);
        callers.put("resident", new ConsoleCaller(collector.port()).holding(receipt));
        callers.put(
                "official", new ConsoleCaller(collector.port()).signIn("lan.official", PASSWORD));
        callers.put("admin", new ConsoleCaller(collector.port()).signIn("minh.admin", PASSWORD));

        Matrix m = new Matrix();
        Map<String, long[]> alertsOf = new LinkedHashMap<>();
        for (Map.Entry<String, ConsoleCaller> e : callers.entrySet()) {
            String who = e.getKey();
            ConsoleCaller c = e.getValue();
            boolean signedIn = c.signedIn();
            int page = signedIn ? 200 : 303;
            long ack = openAlert(alerts, "TDP-0" + alertsOf.size(), "Viettel");
            long close = openAlert(alerts, "TDP-0" + alertsOf.size(), "VNPT");
            alertsOf.put(who, new long[] {ack, close});

            m.expect(who, "GET /admin/login", c.get("/admin/login"), 200);
            m.expect(who, "GET /admin/assets/", c.get("/admin/assets/console.css"), 200);
            m.expect(
                    who,
                    "GET /admin",
                    c.get("/admin"),
                    303,
                    signedIn ? "/admin/map" : "/admin/login");
            for (String p : List.of("/admin/map", "/admin/alerts", "/admin/reports")) {
                m.expect(who, "GET " + p, c.get(p), page, signedIn ? null : "/admin/login");
            }
            m.expect(
                    who,
                    "GET /admin/reports/:id/:kind",
                    c.get("/admin/reports/999999/pdf"),
                    signedIn ? 404 : 303,
                    signedIn ? null : "/admin/login");
            m.expect(
                    who,
                    "GET /admin/reports/:id/:kind (traversal)",
                    c.get("/admin/reports/1/..%2F..%2F..%2Fetc%2Fpasswd"),
                    signedIn ? 404 : 303,
                    null);
            m.expect(
                    who,
                    "GET /admin/nothing-here",
                    c.get("/admin/nothing-here"),
                    signedIn ? 404 : 303,
                    null);

            // Without the session's CSRF token: refused for the signed-in, login for the rest.
            int refused = signedIn ? 403 : 303;
            for (String p :
                    List.of(
                            "/admin/alerts/" + ack + "/ack",
                            "/admin/alerts/" + close + "/close",
                            "/admin/reports/generate",
                            "/admin/logout")) {
                m.expect(
                        who,
                        "POST " + p.replaceAll("/\\d+/", "/:id/") + " without token",
                        c.post(p, Map.of(), false),
                        refused,
                        null);
            }
            m.expect(
                    who,
                    "POST /admin/alerts/:id/ack with token, cross-site Origin",
                    c.postFrom("https://evil.example", "/admin/alerts/" + ack + "/ack"),
                    refused,
                    null);
            m.expect(
                    who,
                    "POST /admin/login without token",
                    c.post(
                            "/admin/login",
                            Map.of("username", "lan.official", "password", PASSWORD),
                            false),
                    403,
                    null);

            // With the token: the action is done for officials and admins alike.
            m.expect(
                    who,
                    "POST /admin/alerts/:id/ack",
                    c.post("/admin/alerts/" + ack + "/ack", Map.of(), true),
                    303,
                    signedIn ? "/admin/alerts?m=ack" : "/admin/login");
            m.expect(
                    who,
                    "POST /admin/alerts/:id/close",
                    c.post("/admin/alerts/" + close + "/close", Map.of(), true),
                    303,
                    signedIn ? "/admin/alerts?m=closed" : "/admin/login");
            m.expect(
                    who,
                    "POST /admin/reports/generate (month 2026-13)",
                    c.post("/admin/reports/generate", Map.of("month", "2026-13"), true),
                    signedIn ? 422 : 303,
                    null);
            m.expect(
                    who, "PUT /admin/map", c.send("PUT", "/admin/map"), signedIn ? 405 : 303, null);
            String staleCookie = c.sessionCookie();
            m.expect(
                    who,
                    "POST /admin/logout",
                    c.post("/admin/logout", Map.of(), true),
                    303,
                    "/admin/login");
            if (signedIn) {
                m.expect(
                        who,
                        "GET /admin/map with the cookie of the ended session",
                        new ConsoleCaller(collector.port())
                                .withSession(staleCookie)
                                .get("/admin/map"),
                        303,
                        "/admin/login");
            }
            m.expect(
                    who,
                    "POST /admin/login (own password, or none for residents)",
                    c.signInAnswer(
                            signedIn
                                    ? (who.equals("admin") ? "minh.admin" : "lan.official")
                                    : "lan.official",
                            signedIn ? PASSWORD : "the receipt is no password"),
                    signedIn ? 303 : 401,
                    signedIn ? "/admin/map" : null);
        }
        Map<Long, AlertRow> open = new LinkedHashMap<>();
        alerts.findOpen().forEach(a -> open.put(a.id(), a));
        for (String who : List.of("anonymous", "resident")) {
            assertThat(open.get(alertsOf.get(who)[0]))
                    .as(who + "'s acknowledgement")
                    .extracting(AlertRow::acknowledgedBy)
                    .isNull();
            assertThat(open).as(who + "'s close").containsKey(alertsOf.get(who)[1]);
        }
        assertThat(open.get(alertsOf.get("official")[0]).acknowledgedBy())
                .isEqualTo("lan.official");
        assertThat(open.get(alertsOf.get("admin")[0]).acknowledgedBy()).isEqualTo("minh.admin");
        assertThat(open)
                .as("closed by the official and the admin")
                .doesNotContainKeys(alertsOf.get("official")[1], alertsOf.get("admin")[1]);
        Results.record(
                "console authorization matrix",
                m.size() + " route × caller checks: " + String.join("; ", m.rows()));
        assertThat(m.rows()).as("mismatches").noneMatch(row -> row.contains("MISMATCH"));
        assertThat(m.statusesOf("official"))
                .as(
                        "admins and officials have the same rights:"
                                + " the console has no admin-only page")
                .isEqualTo(m.statusesOf("admin"));
    }

    @Test
    void aSessionEndsAtItsMaximumAgeEvenWhileInUse() throws Exception {
        ConsoleConfig shortLived =
                ConsoleConfig.from(
                        Settings.of(
                                Map.of(
                                        "console.session-max",
                                        "6s",
                                        "console.reports-dir",
                                        reportsDir.toString())));
        Collector other =
                BadInputFloodTest.join(
                        Collector.start(
                                vertx,
                                Fixtures.config(broker.bootstrapServers(), Map.of()),
                                ValidationLimits.defaults(),
                                router ->
                                        ConsoleRoutes.mount(
                                                router, vertx, shortLived, DB.dataSource())));
        try {
            // The cookie is replayed by hand, ignoring its Max-Age: the server must end it.
            ConsoleCaller lan = new ConsoleCaller(other.port()).signIn("lan.official", PASSWORD);
            long signedInAt = System.nanoTime();
            List<Integer> whileYoung = new ArrayList<>();
            while (System.nanoTime() - signedInAt < 2_000_000_000L) {
                whileYoung.add(lan.get("/admin/map").status());
                Thread.sleep(300);
            }
            while (System.nanoTime() - signedInAt < 6_500_000_000L) {
                Thread.sleep(100);
                lan.get("/admin/login"); // still using the site, which does not extend the session
            }
            int afterMax = lan.get("/admin/map").status();
            Results.record(
                    "console session maximum age 6 s, used every 0.3 s",
                    "statuses " + whileYoung + " then " + afterMax + " after 6.5 s");
            assertThat(whileYoung).as("pages while the session is young").containsOnly(200);
            assertThat(afterMax).as("a page after the maximum age").isEqualTo(303);
        } finally {
            BadInputFloodTest.join(other.close());
        }
    }

    private static long openAlert(AlertRepository alerts, String tdp, String operator) {
        return alerts.openIfAbsent(
                        AlertRow.open(
                                tdp,
                                operator,
                                "FIXED_FIBER",
                                AlertRow.MEDIAN_DROP,
                                Instant.now(),
                                40L,
                                8.0,
                                30.0,
                                null,
                                "{}"))
                .orElseThrow();
    }

    private static String receiptOfANewResult() throws Exception {
        Client client = new Client(collector.port());
        var r = client.post(Fixtures.measurement(60).toString(), Map.of());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
        return vn.speedwatch.model.Json.mapper()
                .readTree(r.body())
                .path("items")
                .path(0)
                .path("receipt")
                .asText();
    }

    /** The rows of the matrix: caller, route, actual status, and a mismatch mark. */
    private static final class Matrix {
        private final List<String> rows = new ArrayList<>();
        private final Map<String, Map<String, Integer>> byCaller = new LinkedHashMap<>();

        void expect(String who, String route, ConsoleCaller.Answer a, int status) {
            expect(who, route, a, status, null);
        }

        void expect(String who, String route, ConsoleCaller.Answer a, int status, String location) {
            boolean ok =
                    a.status() == status && (location == null || location.equals(a.location()));
            byCaller.computeIfAbsent(who, k -> new LinkedHashMap<>()).put(route, a.status());
            rows.add(
                    who
                            + " "
                            + route
                            + " → "
                            + a.status()
                            + (a.location() == null ? "" : " " + a.location())
                            + (ok
                                    ? ""
                                    : " MISMATCH (expected "
                                            + status
                                            + (location == null ? "" : " " + location)
                                            + ")"));
        }

        int size() {
            return rows.size();
        }

        List<String> rows() {
            return rows;
        }

        Map<String, Integer> statusesOf(String who) {
            return byCaller.get(who);
        }
    }
}
