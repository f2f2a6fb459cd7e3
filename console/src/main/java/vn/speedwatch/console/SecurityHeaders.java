package vn.speedwatch.console;

import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;

/**
 * Headers every console answer carries: strict CSP, no framing, no sniffing, and no referrer to
 * other sites ({@code same-origin}: with {@code no-referrer} browsers send {@code Origin: null} on
 * our own forms, which the CSRF check must refuse).
 */
final class SecurityHeaders {

    static final String CSP =
            "default-src 'none'; script-src 'self'; style-src 'self';"
                    + " img-src 'self' data:; connect-src 'self'; form-action 'self';"
                    + " frame-ancestors 'none'; base-uri 'none'";

    private SecurityHeaders() {}

    static void handle(RoutingContext ctx) {
        HttpServerResponse r = ctx.response();
        r.putHeader("Content-Security-Policy", CSP)
                .putHeader("X-Content-Type-Options", "nosniff")
                .putHeader("X-Frame-Options", "DENY")
                .putHeader("Referrer-Policy", "same-origin")
                .putHeader("Cross-Origin-Opener-Policy", "same-origin")
                .putHeader("Cache-Control", "no-store");
        ctx.next();
    }
}
