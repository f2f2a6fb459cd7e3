package vn.speedwatch.collector;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.CorsHandler;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.speedwatch.collector.adapters.ResultAdapter;
import vn.speedwatch.collector.config.CollectorConfig;
import vn.speedwatch.collector.http.Problem;
import vn.speedwatch.collector.http.Problems;
import vn.speedwatch.collector.http.Reply;
import vn.speedwatch.collector.http.SecurityHeaders;
import vn.speedwatch.collector.speedtest.SpeedTestRoutes;
import vn.speedwatch.model.Json;

/**
 * The collector's HTTP server: routes in one block, each pointing at a short handler that hands the
 * work to a plain class from {@link CollectorParts}; {@link RequestGuards} runs first. Every error
 * is a problem document.
 */
public final class CollectorVerticle extends VerticleBase {

    static final String MEASUREMENTS = "/api/v1/measurements";
    static final String ONE_MEASUREMENT = MEASUREMENTS + "/:receipt";
    private static final Logger LOG = LoggerFactory.getLogger(CollectorVerticle.class);

    private final CollectorConfig config;
    private final int listenPort;
    private final CollectorParts parts;
    private final SpeedTestRoutes speedTest;
    private final Consumer<Router> extraRoutes;
    private Router router;
    private HttpServer server;

    /**
     * One copy per event loop; every copy shares {@code parts} and {@code speedTest} (and so the
     * rate limiters, the Kafka producer and the metrics) and listens on the same port.
     *
     * @param listenPort the port to listen on, as {@link Collector} chose it (negative: one random
     *     port shared by every copy)
     * @param speedTest the speed-test routes, mounted on this copy's router
     * @param extraRoutes routes another module adds on the same server (the launcher mounts the
     *     officials' console this way), before the static pages; called once per copy
     */
    CollectorVerticle(
            CollectorConfig config,
            int listenPort,
            CollectorParts parts,
            SpeedTestRoutes speedTest,
            Consumer<Router> extraRoutes) {
        this.config = config;
        this.listenPort = listenPort;
        this.parts = parts;
        this.speedTest = speedTest;
        this.extraRoutes = extraRoutes;
    }

    @Override
    public Future<?> start() {
        router = Router.router(vertx);
        RequestGuards guards = new RequestGuards(parts, config.metricsToken());
        router.route().handler(guards::observe);
        router.route().handler(SecurityHeaders::handle);
        if (!config.corsOrigins().isEmpty()) {
            router.route().handler(cors());
        }
        router.route("/api/*").handler(this::armRequestTimeout);
        // Cheap refusals first, before a possibly large body is read.
        router.post(MEASUREMENTS)
                .handler(guards::identify)
                .handler(guards::checkMediaType)
                .handler(guards::chooseFormat);
        router.post(MEASUREMENTS)
                .handler(BodyHandler.create(false).setBodyLimit(config.maxBodyBytes()))
                .handler(this::handleSubmit);
        router.get(ONE_MEASUREMENT).handler(guards::identify).handler(this::handleLookup);
        router.delete(ONE_MEASUREMENT).handler(guards::identify).handler(this::handleErase);
        router.get("/api/v1/openapi.yaml").handler(this::handleOpenApi);
        router.get("/health/live").handler(this::handleLive);
        router.get("/health/ready").handler(this::handleReady);
        router.get("/metrics").handler(guards::checkMetricsToken).handler(this::handleMetrics);
        speedTest.mount(router);
        extraRoutes.accept(router);
        StaticPages.mount(router);
        router.errorHandler(404, ctx -> problem(ctx, Problems.notFound()));
        router.errorHandler(405, ctx -> problem(ctx, Problems.methodNotAllowed()));
        router.route().failureHandler(this::handleFailure);
        HttpServerOptions options = new HttpServerOptions().setCompressionSupported(true);
        config.tls().ifPresent(tls -> options.setSsl(true).setKeyCertOptions(tls.keyCertOptions()));
        return vertx.createHttpServer(options)
                .requestHandler(router)
                .listen(listenPort, config.httpHost())
                .onSuccess(s -> server = s);
    }

    /**
     * Fails a request still unanswered after {@code collector.request-timeout}: 408 while its body
     * is still coming (a trickled or never-finished body is the client's fault), 503 once the body
     * is in (then the wait is ours: Kafka down or slow, so the client should retry).
     */
    private void armRequestTimeout(RoutingContext ctx) {
        long timer =
                vertx.setTimer(
                        config.requestTimeout().toMillis(),
                        t -> {
                            if (!ctx.response().ended() && !ctx.response().headWritten()) {
                                ctx.fail(ctx.request().isEnded() ? 503 : 408);
                            }
                        });
        ctx.addEndHandler(done -> vertx.cancelTimer(timer));
        ctx.next();
    }

    /** The port the server listens on (useful with port 0). */
    public int actualPort() {
        return server.actualPort();
    }

    /** The routes, for the OpenAPI consistency test. */
    List<Route> routes() {
        return router.getRoutes();
    }

    private void handleSubmit(RoutingContext ctx) {
        boolean ndjson = RequestGuards.mediaType(ctx).equals("application/x-ndjson");
        Optional<ResultAdapter> adapter = ctx.get(RequestGuards.ADAPTER);
        io.vertx.core.buffer.Buffer body = ctx.body().buffer(); // null when the body is empty
        parts.submissions()
                .submit(
                        ctx.vertx().getOrCreateContext(),
                        body == null ? new byte[0] : body.getBytes(),
                        ndjson,
                        adapter,
                        ctx.get(RequestGuards.CLIENT),
                        ctx.request().path())
                .onSuccess(reply -> reply.send(ctx))
                .onFailure(ctx::fail);
    }

    private void handleLookup(RoutingContext ctx) {
        Optional<java.util.UUID> id = parts.receipts().verify(ctx.pathParam("receipt"));
        if (id.isEmpty()) {
            problem(ctx, Problems.unknownReceipt());
            return;
        }
        vertx.executeBlocking(() -> parts.lookup().describe(id.get()), false)
                .onSuccess(doc -> Reply.json(200, doc).send(ctx))
                .onFailure(
                        e -> {
                            LOG.warn(
                                    "Warehouse lookup of measurement {} failed: {}",
                                    id.get(),
                                    e.toString());
                            problem(ctx, Problems.lookupUnavailable(config.kafkaSendTimeout()));
                        });
    }

    private void handleErase(RoutingContext ctx) {
        Optional<java.util.UUID> id = parts.receipts().verify(ctx.pathParam("receipt"));
        if (id.isEmpty()) {
            problem(ctx, Problems.unknownReceipt());
            return;
        }
        parts.ingest()
                .erase(vertx.getOrCreateContext(), id.get())
                .onSuccess(v -> Reply.json(202, parts.erasureRequested(id.get())).send(ctx))
                .onFailure(
                        e -> problem(ctx, Problems.erasureUnavailable(config.kafkaSendTimeout())));
    }

    private void handleOpenApi(RoutingContext ctx) {
        ctx.response()
                .putHeader("Content-Type", "application/yaml; charset=utf-8")
                .end(parts.openApi());
    }

    private void handleLive(RoutingContext ctx) {
        Reply.json(200, Json.mapper().createObjectNode().put("status", "UP")).send(ctx);
    }

    private void handleReady(RoutingContext ctx) {
        parts.kafkaHealth()
                .ready(vertx.getOrCreateContext())
                .onSuccess(
                        up ->
                                Reply.json(
                                                up ? 200 : 503,
                                                Json.mapper()
                                                        .createObjectNode()
                                                        .put("status", up ? "UP" : "DOWN")
                                                        .put("kafka", up ? "UP" : "DOWN"))
                                        .send(ctx));
    }

    private void handleMetrics(RoutingContext ctx) {
        MeterRegistry registry = parts.registry();
        String text = registry instanceof PrometheusMeterRegistry p ? p.scrape() : "";
        ctx.response()
                .putHeader("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
                .end(text);
    }

    private void handleFailure(RoutingContext ctx) {
        int status = ctx.statusCode();
        Problem p =
                switch (status) {
                    case 413 -> Problems.tooLarge(config.maxBodyBytes());
                    case 503 -> Problems.unavailable(config.kafkaSendTimeout());
                    case 404 -> Problems.notFound();
                    case 405 -> Problems.methodNotAllowed();
                    case 400 -> Problems.malformed();
                    case 403 -> Problems.originNotAllowed();
                    default ->
                            status >= 400 && status < 500
                                    ? Problems.clientError(status)
                                    : Problems.internal();
                };
        if (status == 413) {
            parts.countRejected(CollectorMetrics.REASON_TOO_LARGE);
        }
        if (p.status() == 500) {
            LOG.error(
                    "Unhandled failure on {} {}",
                    ctx.request().method(),
                    ctx.currentRoute() == null ? "?" : ctx.currentRoute().getPath(),
                    ctx.failure());
        }
        problem(ctx, p);
    }

    private static void problem(RoutingContext ctx, Problem p) {
        Reply.problem(p, ctx.request().path()).send(ctx);
    }

    private CorsHandler cors() {
        return CorsHandler.create()
                .addOrigins(config.corsOrigins())
                .allowedMethods(Set.of(HttpMethod.GET, HttpMethod.POST, HttpMethod.DELETE))
                .allowedHeaders(Set.of("Content-Type", "X-Api-Key"))
                .exposedHeaders(Set.of("Retry-After"));
    }
}
