package vn.speedwatch.console;

import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * CSRF checks for every state-changing request. Signed-in forms carry the session's token
 * (synchronizer token); the login form carries a token that must match its own cookie (double
 * submit). A cross-site Origin header is refused outright; SameSite=Strict cookies are the second
 * line.
 */
final class Csrf {

    static final String FIELD = "_csrf";
    static final String LOGIN_COOKIE = "sw_login_csrf";

    private Csrf() {}

    /** True when the form's token equals {@code expected} and the origin is this site. */
    static boolean valid(RoutingContext ctx, String expected) {
        String sent = ctx.request().getFormAttribute(FIELD);
        return sameOrigin(ctx)
                && expected != null
                && sent != null
                && MessageDigest.isEqual(
                        sent.getBytes(StandardCharsets.UTF_8),
                        expected.getBytes(StandardCharsets.UTF_8));
    }

    private static boolean sameOrigin(RoutingContext ctx) {
        String origin = ctx.request().getHeader("Origin");
        if (origin == null || origin.equals("null")) {
            return origin == null;
        }
        String host = ctx.request().authority() == null ? "" : ctx.request().authority().toString();
        return origin.endsWith("://" + host);
    }
}
