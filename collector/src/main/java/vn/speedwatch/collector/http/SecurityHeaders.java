package vn.speedwatch.collector.http;

import io.vertx.ext.web.RoutingContext;

/**
 * Browser security headers on every collector answer: no MIME sniffing, no framing of the resident
 * page (clickjacking), and a CSP that allows only the page's own files — the page has no inline
 * script or style, and loads nothing from other sites.
 */
public final class SecurityHeaders {

    static final String CSP =
            "default-src 'self'; img-src 'self' data:; object-src 'none';"
                    + " form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    private SecurityHeaders() {}

    public static void handle(RoutingContext ctx) {
        ctx.response()
                .putHeader("X-Content-Type-Options", "nosniff")
                .putHeader("X-Frame-Options", "DENY")
                .putHeader("Referrer-Policy", "no-referrer")
                .putHeader("Content-Security-Policy", CSP);
        ctx.next();
    }
}
