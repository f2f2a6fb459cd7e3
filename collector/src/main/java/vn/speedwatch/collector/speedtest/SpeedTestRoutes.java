package vn.speedwatch.collector.speedtest;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.speedwatch.collector.http.Problem;
import vn.speedwatch.collector.http.Problems;
import vn.speedwatch.collector.http.Reply;
import vn.speedwatch.collector.protect.ClientAddressResolver;
import vn.speedwatch.collector.protect.ClientHasher;
import vn.speedwatch.collector.protect.RateLimiter;
import vn.speedwatch.model.Area;
import vn.speedwatch.model.AreaRegistry;
import vn.speedwatch.model.Json;

/**
 * The endpoints the resident pages and the cultural-house probe need besides submitting: the speed
 * test itself (download, upload, ping), the TDP list and the receipt comparison. Mount them on the
 * collector's router before the static pages:
 *
 * <pre>{@code
 * SpeedTestRoutes.create(SpeedTestConfig.from(settings), parts.addresses(), parts.hasher(),
 *         dataSource).mount(router);
 * }</pre>
 */
public final class SpeedTestRoutes {

    public static final String BASE = "/api/v1/speedtest";
    private static final Logger LOG = LoggerFactory.getLogger(SpeedTestRoutes.class);

    private final SpeedTestConfig config;
    private final ClientAddressResolver addresses;
    private final ClientHasher hasher;
    private final RateLimiter limiter;
    private final RandomPayload payload = new RandomPayload();
    private final ObjectNode areas;
    private final Optional<Comparison> comparison;
    private final CompareRequest.Validator validator;

    private SpeedTestRoutes(
            SpeedTestConfig config,
            ClientAddressResolver addresses,
            ClientHasher hasher,
            Optional<DataSource> warehouse) {
        this.config = config;
        this.addresses = addresses;
        this.hasher = hasher;
        this.limiter = new RateLimiter(config.ratePerSecond(), config.burst());
        AreaRegistry registry =
                config.areasFile().map(AreaRegistry::load).orElseGet(AreaRegistry::loadSample);
        this.areas = areaList(registry);
        this.validator = new CompareRequest.Validator(registry);
        this.comparison = warehouse.map(ds -> new Comparison(ds, config, Clock.systemUTC()));
    }

    /**
     * The speed-test routes with one rate limiter, however many routers they are mounted on: every
     * event loop's copy of the collector shares it, so a client gets its limit once, not once per
     * loop. Without a warehouse the comparison answers 503.
     */
    public static SpeedTestRoutes create(
            SpeedTestConfig config,
            ClientAddressResolver addresses,
            ClientHasher hasher,
            Optional<DataSource> warehouse) {
        return new SpeedTestRoutes(config, addresses, hasher, warehouse);
    }

    /** Adds the routes to {@code router}. */
    public void mount(Router router) {
        router.route(BASE + "/*").handler(this::limit);
        router.route("/api/v1/areas").handler(this::limit);
        router.route("/api/v1/compare").handler(this::limit);
        router.get(BASE + "/download").handler(this::handleDownload);
        router.post(BASE + "/upload").handler(this::handleUpload);
        router.get(BASE + "/ping").handler(this::handlePing);
        router.get("/api/v1/areas").handler(this::handleAreas);
        router.get("/api/v1/compare").handler(this::handleCompare);
    }

    /** Forgets clients whose bucket is full again; the collector calls it periodically. */
    public void evictIdle() {
        limiter.evictIdle();
    }

    private void limit(RoutingContext ctx) {
        HttpServerRequest req = ctx.request();
        String address =
                addresses.resolve(
                        req.remoteAddress().hostAddress(), req.getHeader("X-Forwarded-For"));
        Duration wait = limiter.acquire(hasher.hash(address));
        ctx.response().putHeader("Cache-Control", "no-store");
        if (!wait.isZero()) {
            problem(ctx, Problems.rateLimited(wait));
            return;
        }
        ctx.next();
    }

    private void handleDownload(RoutingContext ctx) {
        Optional<Long> bytes =
                ByteCount.parse(ctx.request().getParam("bytes"), config.maxDownloadBytes());
        if (bytes.isEmpty()) {
            problem(
                    ctx,
                    Problems.badRequest(
                            "Tham số bytes phải là số nguyên từ 1 đến "
                                    + config.maxDownloadBytes()
                                    + ".",
                            "The bytes parameter must be an integer"
                                    + " from 1 to "
                                    + config.maxDownloadBytes()
                                    + "."));
            return;
        }
        // identity: random bytes do not compress, and compressing would only burn the CPU.
        ctx.response()
                .putHeader("Content-Type", "application/octet-stream")
                .putHeader("Content-Encoding", "identity");
        DownloadStream.send(ctx.response(), payload, bytes.get());
    }

    private void handleUpload(RoutingContext ctx) {
        UploadSink.receive(ctx, config.maxUploadBytes());
    }

    private void handlePing(RoutingContext ctx) {
        Reply.json(200, Json.mapper().createObjectNode().put("pong", true)).send(ctx);
    }

    private void handleAreas(RoutingContext ctx) {
        Reply.json(200, areas).send(ctx);
    }

    private void handleCompare(RoutingContext ctx) {
        CompareRequest.Parsed parsed =
                validator.parse(
                        ctx.request().getParam("tdp"),
                        ctx.request().getParam("operator"),
                        ctx.request().getParam("access"));
        if (parsed.problem().isPresent()) {
            problem(ctx, parsed.problem().get());
            return;
        }
        if (comparison.isEmpty()) {
            problem(ctx, Problems.unavailable(Duration.ofMinutes(5)));
            return;
        }
        CompareRequest cell = parsed.request();
        ctx.vertx()
                .executeBlocking(
                        () -> comparison.get().compare(cell.tdp(), cell.operator(), cell.access()),
                        false)
                .onSuccess(doc -> Reply.json(200, doc).send(ctx))
                .onFailure(
                        e -> {
                            LOG.warn(
                                    "Comparison for {}/{}/{} failed: {}",
                                    cell.tdp(),
                                    cell.operator(),
                                    cell.access(),
                                    e.toString());
                            problem(ctx, Problems.unavailable(Duration.ofSeconds(30)));
                        });
    }

    private static ObjectNode areaList(AreaRegistry registry) {
        ObjectNode o = Json.mapper().createObjectNode();
        ArrayNode list = o.putArray("areas");
        for (Area a : registry.areas()) {
            list.addObject().put("code", a.code()).put("name", a.name());
        }
        return o;
    }

    private static void problem(RoutingContext ctx, Problem p) {
        Reply.problem(p, ctx.request().path()).send(ctx);
    }
}
