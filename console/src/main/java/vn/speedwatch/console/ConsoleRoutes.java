package vn.speedwatch.console;

import io.vertx.core.Vertx;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.StaticHandler;
import java.time.Clock;
import java.util.Optional;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The officials' console under {@code /admin}, mounted on an existing router so it shares the
 * collector's HTTP server: {@code ConsoleRoutes.mount(router, vertx, config, dataSource)}.
 * Everything but the sign-in page needs a session; every POST needs the CSRF token; every answer
 * carries the security headers.
 */
public final class ConsoleRoutes {

    static final String SESSION_COOKIE = "sw_session";
    private static final String SESSION = "console.session";
    private static final Logger LOG = LoggerFactory.getLogger(ConsoleRoutes.class);

    private final Vertx vertx;
    private final ConsoleConfig config;
    private final String base;
    private final LoginGuard guard;
    private final SessionStore sessions;
    private final ConsolePages pages;

    private ConsoleRoutes(Vertx vertx, ConsoleConfig config, DataSource ds) {
        this.vertx = vertx;
        this.config = config;
        this.base = config.basePath();
        this.guard = new LoginGuard(ds, config, Clock.systemUTC());
        this.sessions = new SessionStore(ds, config, Clock.systemUTC());
        this.pages = new ConsolePages(vertx, config, ds, base);
    }

    /** Adds the console's routes under {@link ConsoleConfig#basePath()}. */
    public static void mount(Router router, Vertx vertx, ConsoleConfig config, DataSource ds) {
        ConsoleRoutes c = new ConsoleRoutes(vertx, config, ds);
        String base = c.base;
        router.route(base).handler(SecurityHeaders::handle);
        router.route(base + "/*").handler(SecurityHeaders::handle);
        router.route(HttpMethod.POST, base + "/*")
                .handler(BodyHandler.create(false).setBodyLimit(16 * 1024));
        router.get(base + "/assets/*")
                .handler(StaticHandler.create("console").setCachingEnabled(false));
        router.get(base + "/login").handler(c::handleLoginPage);
        router.post(base + "/login").handler(c::handleLogin);
        router.route(base).handler(c::authenticate);
        router.route(base + "/*").handler(c::authenticate);
        router.get(base).handler(ctx -> c.redirect(ctx, base + "/map"));
        router.post(base + "/logout").handler(c::handleLogout);
        c.pages.mount(router);
        router.route(base + "/*").failureHandler(c::handleFailure);
        vertx.setPeriodic(
                3_600_000,
                id ->
                        vertx.executeBlocking(
                                () -> {
                                    c.sessions.purge();
                                    return null;
                                },
                                false));
    }

    /** The session a page handler runs for (set by {@link #authenticate}). */
    static Session session(RoutingContext ctx) {
        return ctx.get(SESSION);
    }

    private void handleLoginPage(RoutingContext ctx) {
        String token = SessionStore.randomToken();
        ctx.response().addCookie(cookie(ctx, Csrf.LOGIN_COOKIE, token, 3600));
        html(ctx, 200, LoginPage.render(base, token, null, ""));
    }

    private void handleLogin(RoutingContext ctx) {
        Cookie expected = ctx.request().getCookie(Csrf.LOGIN_COOKIE);
        String username =
                Optional.ofNullable(ctx.request().getFormAttribute("username")).orElse("");
        if (!Csrf.valid(ctx, expected == null ? null : expected.getValue())) {
            html(
                    ctx,
                    403,
                    LoginPage.render(
                            base,
                            expected == null ? "" : expected.getValue(),
                            "Phiên đăng nhập đã hết hạn, hãy thử lại / The form expired, try again",
                            username));
            return;
        }
        if (username.chars().anyMatch(Character::isISOControl)) {
            // No account name holds a control character, and PostgreSQL text cannot hold NUL:
            // answer as for any unknown name instead of failing the query (a 500).
            wrongCredentials(ctx, expected.getValue(), "");
            return;
        }
        String password = ctx.request().getFormAttribute("password");
        vertx.executeBlocking(
                        () -> {
                            LoginGuard.Result r = guard.attempt(username, password);
                            return r.official()
                                    .map(o -> new LoginResult(r, sessions.create(o)))
                                    .orElse(new LoginResult(r, null));
                        },
                        false)
                .onSuccess(r -> loggedIn(ctx, r, username, expected.getValue()))
                .onFailure(ctx::fail);
    }

    private record LoginResult(LoginGuard.Result result, String token) {}

    private void loggedIn(RoutingContext ctx, LoginResult r, String username, String csrf) {
        switch (r.result().outcome()) {
            case OK -> {
                ctx.response()
                        .addCookie(
                                cookie(
                                        ctx,
                                        SESSION_COOKIE,
                                        r.token(),
                                        config.sessionMax().toSeconds()));
                redirect(ctx, base + "/map");
            }
            case LOCKED ->
                    html(
                            ctx,
                            429,
                            LoginPage.render(
                                    base,
                                    csrf,
                                    "Tài khoản tạm khóa do"
                                            + " đăng nhập sai nhiều lần; hãy thử lại sau "
                                            + config.lockoutWindow().toMinutes()
                                            + " phút / Too many failed sign-ins: try again in "
                                            + config.lockoutWindow().toMinutes()
                                            + " minutes",
                                    username));
            default -> wrongCredentials(ctx, csrf, username);
        }
    }

    private void wrongCredentials(RoutingContext ctx, String csrf, String username) {
        html(
                ctx,
                401,
                LoginPage.render(
                        base,
                        csrf,
                        "Sai tên đăng nhập hoặc mật khẩu / Wrong" + " user name or password",
                        username));
    }

    private void authenticate(RoutingContext ctx) {
        Cookie cookie = ctx.request().getCookie(SESSION_COOKIE);
        String token = cookie == null ? null : cookie.getValue();
        vertx.executeBlocking(() -> sessions.find(token), false)
                .onSuccess(
                        found -> {
                            if (found.isEmpty()) {
                                redirect(ctx, base + "/login");
                                return;
                            }
                            if (ctx.request().method() == HttpMethod.POST
                                    && !Csrf.valid(ctx, found.get().csrfToken())) {
                                LOG.warn(
                                        "CSRF check failed for '{}' on {}",
                                        found.get().official().username(),
                                        ctx.request().path());
                                html(
                                        ctx,
                                        403,
                                        Html.page(
                                                base,
                                                "403",
                                                null,
                                                "<h1>Yêu cầu bị từ chối / Request"
                                                        + " refused</h1><p>Hãy tải lại trang / Reload the page.</p>"));
                                return;
                            }
                            ctx.put(SESSION, found.get());
                            ctx.next();
                        })
                .onFailure(ctx::fail);
    }

    private void handleLogout(RoutingContext ctx) {
        Session s = session(ctx);
        vertx.executeBlocking(
                        () -> {
                            sessions.delete(s);
                            return null;
                        },
                        false)
                .onSuccess(
                        v -> {
                            ctx.response().addCookie(cookie(ctx, SESSION_COOKIE, "", 0));
                            redirect(ctx, base + "/login");
                        })
                .onFailure(ctx::fail);
    }

    private void handleFailure(RoutingContext ctx) {
        if (ctx.response().headWritten()) {
            return;
        }
        if (ctx.failure() == null && ctx.statusCode() == 404) {
            html(ctx, 404, Html.page(base, "404", null, "<h1>Không tìm thấy / Not found</h1>"));
            return;
        }
        LOG.error(
                "Console failure on {} {}",
                ctx.request().method(),
                ctx.request().path(),
                ctx.failure());
        html(
                ctx,
                500,
                Html.page(
                        base,
                        "500",
                        null,
                        "<h1>Lỗi hệ thống / Internal error</h1>"
                                + "<p>Lỗi đã được ghi lại / The error was logged.</p>"));
    }

    /** Secure whenever the request came over TLS, or always when configured (TLS proxy). */
    private Cookie cookie(RoutingContext ctx, String name, String value, long maxAgeSeconds) {
        return Cookie.cookie(name, value)
                .setPath(base)
                .setHttpOnly(true)
                .setSameSite(CookieSameSite.STRICT)
                .setSecure(config.secureCookies() || ctx.request().isSSL())
                .setMaxAge(maxAgeSeconds);
    }

    void redirect(RoutingContext ctx, String location) {
        ctx.response().setStatusCode(303).putHeader("Location", location).end();
    }

    static void html(RoutingContext ctx, int status, String page) {
        ctx.response()
                .setStatusCode(status)
                .putHeader("Content-Type", "text/html; charset=utf-8")
                .end(page);
    }
}
