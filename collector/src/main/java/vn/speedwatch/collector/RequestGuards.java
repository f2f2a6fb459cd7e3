package vn.speedwatch.collector;

import io.vertx.ext.web.Route;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.speedwatch.collector.adapters.ResultAdapter;
import vn.speedwatch.collector.adapters.ResultAdapters;
import vn.speedwatch.collector.http.ClientIdentity;
import vn.speedwatch.collector.http.Problem;
import vn.speedwatch.collector.http.Problems;
import vn.speedwatch.collector.http.Reply;

/**
 * The cheap checks that run before a handler: who the client is (API key, hashed address), its rate
 * limit, the media type and the {@code format} parameter; plus per-route metrics and the access
 * log, which only ever shows the hashed client.
 */
final class RequestGuards {

    static final String CLIENT = "client";
    static final String ADAPTER = "adapter";
    static final List<String> MEDIA_TYPES = List.of("application/json", "application/x-ndjson");
    private static final Logger ACCESS = LoggerFactory.getLogger("vn.speedwatch.collector.access");

    private final CollectorParts parts;
    private final Optional<byte[]> metricsToken;

    /**
     * @param metricsToken the bearer token {@code /metrics} asks for; empty: no check
     */
    RequestGuards(CollectorParts parts, Optional<String> metricsToken) {
        this.parts = parts;
        this.metricsToken = metricsToken.map(t -> t.getBytes(StandardCharsets.UTF_8));
    }

    /** Resolves the client, checks its API key and takes a rate-limit token. */
    void identify(RoutingContext ctx) {
        String peer = ctx.request().remoteAddress().hostAddress();
        String address =
                parts.addresses().resolve(peer, ctx.request().getHeader("X-Forwarded-For"));
        String key = ctx.request().getHeader("X-Api-Key");
        Optional<String> keyId = parts.apiKeys().identify(key);
        if (key != null && keyId.isEmpty()) {
            problem(ctx, Problems.unauthorized());
            return;
        }
        ClientIdentity client =
                new ClientIdentity(parts.hasher().hash(address), keyId.orElse(null));
        ctx.put(CLIENT, client);
        java.time.Duration wait = parts.acquire(client);
        if (!wait.isZero()) {
            parts.countRejected(CollectorMetrics.REASON_RATE_LIMITED);
            problem(ctx, Problems.rateLimited(wait));
            return;
        }
        ctx.next();
    }

    void checkMediaType(RoutingContext ctx) {
        if (!MEDIA_TYPES.contains(mediaType(ctx))) {
            parts.countRejected(CollectorMetrics.REASON_MEDIA_TYPE);
            problem(ctx, Problems.unsupportedMediaType(MEDIA_TYPES));
            return;
        }
        ctx.next();
    }

    void chooseFormat(RoutingContext ctx) {
        String format = ctx.request().getParam("format");
        Optional<ResultAdapter> adapter =
                format == null || format.equals("speedwatch")
                        ? Optional.empty()
                        : ResultAdapters.forFormat(format);
        if (format != null && !format.equals("speedwatch") && adapter.isEmpty()) {
            String known = String.join(", ", ResultAdapters.formats());
            problem(
                    ctx,
                    Problems.badRequest(
                            "Định dạng không được hỗ trợ; dùng: " + known,
                            "Unsupported format; use one of: " + known));
            return;
        }
        ctx.put(ADAPTER, adapter);
        ctx.next();
    }

    /** Lets a scrape through only with {@code Authorization: Bearer <token>}, when one is set. */
    void checkMetricsToken(RoutingContext ctx) {
        if (metricsToken.isEmpty()
                || bearerMatches(ctx.request().getHeader("Authorization"), metricsToken.get())) {
            ctx.next();
            return;
        }
        ctx.response().putHeader("WWW-Authenticate", "Bearer realm=\"metrics\"");
        problem(
                ctx,
                Problem.of(
                        401,
                        "metrics-token",
                        "Cần mã truy cập số liệu",
                        "Metrics token required",
                        "Trang /metrics cần tiêu đề Authorization: Bearer"
                                + " với mã collector.metrics-token.",
                        "/metrics needs an Authorization:"
                                + " Bearer header with the collector.metrics-token."));
    }

    /** Compares in constant time, so the answer's timing does not leak the token. */
    static boolean bearerMatches(String authorization, byte[] token) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        byte[] sent = authorization.substring(7).trim().getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(sent, token);
    }

    /** Counts every answer by route and status, and writes the access log with hashes only. */
    void observe(RoutingContext ctx) {
        long start = System.nanoTime();
        ctx.addEndHandler(
                done -> {
                    Route route = ctx.currentRoute();
                    String path =
                            route == null || route.getPath() == null
                                    ? "unmatched"
                                    : route.getPath();
                    int status = ctx.response().getStatusCode();
                    parts.countRequest(path, status);
                    if (ACCESS.isDebugEnabled()) {
                        ClientIdentity client = ctx.get(CLIENT);
                        ACCESS.debug(
                                "{} {} {} {}ms client={}",
                                ctx.request().method(),
                                path,
                                status,
                                (System.nanoTime() - start) / 1_000_000,
                                client == null ? "-" : client.rateKey());
                    }
                });
        ctx.next();
    }

    private static void problem(RoutingContext ctx, Problem p) {
        Reply.problem(p, ctx.request().path()).send(ctx);
    }

    static String mediaType(RoutingContext ctx) {
        String header = ctx.request().getHeader("Content-Type");
        if (header == null) {
            return "";
        }
        int semi = header.indexOf(';');
        return (semi < 0 ? header : header.substring(0, semi)).trim().toLowerCase(Locale.ROOT);
    }
}
