package vn.speedwatch.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.speedwatch.console.ConsoleClient.csrfOf;
import static vn.speedwatch.console.ConsoleClient.form;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.speedwatch.warehouse.testing.PostgresDatabase;

/** Sign-in, sessions, lock-out, CSRF and headers over real HTTP against a real warehouse. */
class ConsoleSecurityTest {

    @RegisterExtension static PostgresDatabase db = new PostgresDatabase();

    static final String PASSWORD = "mật-khẩu-đủ-dài-2026";
    static ConsoleServer server;
    static ConsoleServer shortSessions;

    @BeforeAll
    static void start() {
        UserAdmin users = new UserAdmin(db.dataSource());
        for (String name : List.of("lan.nguyen", "locked.out", "short.session")) {
            users.add(name, "official", PASSWORD);
        }
        server = new ConsoleServer(db.dataSource(), Map.of());
        shortSessions = new ConsoleServer(db.dataSource(), Map.of("console.session-idle", "1s"));
    }

    @AfterAll
    static void stop() {
        server.close();
        shortSessions.close();
    }

    @Test
    void everyPageWithoutASessionRedirectsToTheLoginPage() throws Exception {
        ConsoleClient anonymous = new ConsoleClient(server);
        for (String path : List.of("/admin", "/admin/map", "/admin/alerts", "/admin/reports")) {
            HttpResponse<String> r = anonymous.get(path);
            assertThat(r.statusCode()).as(path).isEqualTo(303);
            assertThat(r.headers().firstValue("Location")).contains("/admin/login");
        }
    }

    @Test
    void everyAnswerCarriesTheSecurityHeaders() throws Exception {
        HttpResponse<String> r = new ConsoleClient(server).get("/admin/login");
        String csp = r.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(csp)
                .contains("frame-ancestors 'none'", "script-src 'self'")
                .doesNotContain("unsafe-inline");
        assertThat(r.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(r.headers().firstValue("Referrer-Policy")).contains("same-origin");
        HttpResponse<String> redirect = new ConsoleClient(server).get("/admin/map");
        assertThat(redirect.headers().firstValue("Content-Security-Policy")).isPresent();
    }

    @Test
    void aRightPasswordOpensASessionWithAStrictHttpOnlyCookie() throws Exception {
        ConsoleClient lan = new ConsoleClient(server);
        HttpResponse<String> r = lan.login("lan.nguyen", PASSWORD);

        assertThat(r.statusCode()).isEqualTo(303);
        String cookie =
                r.headers().allValues("Set-Cookie").stream()
                        .filter(c -> c.startsWith(ConsoleRoutes.SESSION_COOKIE))
                        .findFirst()
                        .orElseThrow();
        assertThat(cookie.toLowerCase(java.util.Locale.ROOT))
                .contains("httponly", "samesite=strict", "path=/admin");
        assertThat(lan.get("/admin/map").statusCode()).isEqualTo(200);
        assertThat(lan.get("/admin/map").body()).contains("lan.nguyen");
    }

    @Test
    void aWrongPasswordIsRefusedAndLoginWithoutItsCsrfTokenToo() throws Exception {
        ConsoleClient someone = new ConsoleClient(server);
        HttpResponse<String> wrong = someone.login("lan.nguyen", "not-the-password");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.body()).contains("Sai tên đăng nhập hoặc mật khẩu");

        someone.get("/admin/login");
        HttpResponse<String> forged =
                someone.post(
                        "/admin/login",
                        form("username", "lan.nguyen", "password", PASSWORD, "_csrf", "forged"));
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(someone.get("/admin/map").statusCode()).isEqualTo(303);
    }

    @Test
    void fiveFailuresLockTheAccountEvenForTheRightPassword() throws Exception {
        ConsoleClient attacker = new ConsoleClient(server);
        for (int i = 0; i < 5; i++) {
            assertThat(attacker.login("locked.out", "guess-" + i).statusCode()).isEqualTo(401);
        }
        HttpResponse<String> r = new ConsoleClient(server).login("locked.out", PASSWORD);
        assertThat(r.statusCode()).isEqualTo(429);
        assertThat(r.body()).contains("tạm khóa");
    }

    @Test
    void stateChangingRequestsWithoutTheSessionsCsrfTokenAreRefused() throws Exception {
        ConsoleClient lan = new ConsoleClient(server);
        lan.login("lan.nguyen", PASSWORD);
        HttpResponse<String> forged = lan.post("/admin/logout", form("_csrf", "guess"));
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(lan.get("/admin/map").statusCode()).isEqualTo(200);

        String token = csrfOf(lan.get("/admin/map").body());
        assertThat(lan.post("/admin/logout", form("_csrf", token)).statusCode()).isEqualTo(303);
        assertThat(lan.get("/admin/map").statusCode()).isEqualTo(303);
    }

    @Test
    void anIdleSessionExpires() throws Exception {
        ConsoleClient official = new ConsoleClient(shortSessions);
        official.login("short.session", PASSWORD);
        assertThat(official.get("/admin/map").statusCode()).isEqualTo(200);
        Thread.sleep(1_600);
        assertThat(official.get("/admin/map").statusCode()).isEqualTo(303);
    }

    @Test
    void passwordsAreStoredAsBcryptHashesAndWeakOnesRefused() throws Exception {
        try (Connection c = db.dataSource().getConnection();
                Statement st = c.createStatement();
                ResultSet rs =
                        st.executeQuery(
                                "SELECT password_hash FROM officials WHERE username = 'lan.nguyen'")) {
            rs.next();
            assertThat(rs.getString(1)).startsWith("$2").doesNotContain(PASSWORD);
        }
        UserAdmin users = new UserAdmin(db.dataSource());
        assertThatThrownBy(() -> users.add("minh", "official", "short"))
                .hasMessageContaining("ít nhất 10 ký tự");
        assertThatThrownBy(() -> users.add("minh", "mayor", PASSWORD))
                .hasMessageContaining("official hoặc admin");
        assertThatThrownBy(() -> users.add("A B", "admin", PASSWORD))
                .hasMessageContaining("Tên đăng nhập");
    }
}
