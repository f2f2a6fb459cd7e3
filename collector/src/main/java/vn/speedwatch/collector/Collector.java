package vn.speedwatch.collector;

import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.ext.web.Router;
import io.vertx.micrometer.MicrometerMetricsOptions;
import io.vertx.micrometer.VertxPrometheusOptions;
import io.vertx.micrometer.backends.BackendRegistries;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.speedwatch.collector.config.CollectorConfig;
import vn.speedwatch.collector.http.ResultLookup;
import vn.speedwatch.collector.speedtest.SpeedTestRoutes;
import vn.speedwatch.model.Settings;
import vn.speedwatch.model.ValidationLimits;
import vn.speedwatch.warehouse.Warehouse;
import vn.speedwatch.warehouse.WarehouseConfig;

/**
 * The collector as a component: {@link #start} deploys the HTTP API on a given Vert.x (the
 * one-machine launcher embeds it this way) and {@link #close} undeploys it and closes Kafka and
 * database clients. {@link #main} runs it standalone with Prometheus metrics enabled.
 */
public final class Collector {

    private static final Logger LOG = LoggerFactory.getLogger(Collector.class);
    private static final java.time.Duration WAREHOUSE_WAIT = java.time.Duration.ofSeconds(3);

    /** Hands out the negative ports that stand for "one random port shared by all copies". */
    private static final AtomicInteger SHARED_RANDOM_PORTS = new AtomicInteger();

    private final Vertx vertx;
    private final CollectorParts parts;
    private final CollectorVerticle verticle;
    private final String deploymentId;
    private final long evictionTimer;
    private final Optional<HikariDataSource> dataSource;

    private Collector(
            Vertx vertx,
            CollectorParts parts,
            CollectorVerticle verticle,
            String deploymentId,
            long evictionTimer,
            Optional<HikariDataSource> dataSource) {
        this.vertx = vertx;
        this.parts = parts;
        this.verticle = verticle;
        this.deploymentId = deploymentId;
        this.evictionTimer = evictionTimer;
        this.dataSource = dataSource;
    }

    /** Starts the collector with validation limits from their defaults. */
    public static Future<Collector> start(Vertx vertx, CollectorConfig config) {
        return start(vertx, config, ValidationLimits.defaults());
    }

    /** Starts the collector; the future fails if the port cannot be bound. */
    public static Future<Collector> start(
            Vertx vertx, CollectorConfig config, ValidationLimits limits) {
        return start(vertx, config, limits, router -> {});
    }

    /**
     * Starts the collector with {@code extraRoutes} added to its router before the static pages:
     * the one-machine launcher mounts the officials' console on the same server this way. The
     * server runs on {@code http.instances} event loops, each with its own router, so {@code
     * extraRoutes} is called once per event loop; state its handlers keep must live outside the
     * router (the console keeps sessions and lock-outs in the database).
     */
    public static Future<Collector> start(
            Vertx vertx,
            CollectorConfig config,
            ValidationLimits limits,
            Consumer<Router> extraRoutes) {
        Optional<HikariDataSource> ds =
                config.dbUrl()
                        .map(
                                url ->
                                        Warehouse.open(
                                                new WarehouseConfig(
                                                        url,
                                                        config.dbUser().orElse("postgres"),
                                                        config.dbPassword().orElse(""),
                                                        2)));
        // Hikari waits 30 s for a connection by default, as long as the request timeout: with
        // the warehouse down a receipt look-up would hang, then time out. Fail it soon: 503.
        ds.ifPresent(d -> d.setConnectionTimeout(WAREHOUSE_WAIT.toMillis()));
        ResultLookup lookup = ds.map(ResultLookup::of).orElseGet(ResultLookup::withoutDatabase);
        CollectorParts parts = CollectorParts.build(config, newRegistry(), lookup, limits);
        SpeedTestRoutes speedTest =
                SpeedTestRoutes.create(
                        config.speedTest(),
                        parts.addresses(),
                        parts.hasher(),
                        ds.map(DataSource.class::cast));
        int listenPort = listenPort(config.httpPort());
        List<CollectorVerticle> copies = new CopyOnWriteArrayList<>();
        Supplier<CollectorVerticle> copy =
                () -> {
                    CollectorVerticle v =
                            new CollectorVerticle(
                                    config, listenPort, parts, speedTest, extraRoutes);
                    copies.add(v);
                    return v;
                };
        return vertx.deployVerticle(
                        copy, new DeploymentOptions().setInstances(config.httpInstances()))
                .compose(
                        id ->
                                samePort(copies)
                                        .map(
                                                port -> {
                                                    LOG.info(
                                                            "Collector listening on {}:{} with {} event loop(s) ({})",
                                                            config.httpHost(),
                                                            port,
                                                            copies.size(),
                                                            config);
                                                    // One eviction for the shared limiters, not one
                                                    // per event loop.
                                                    long timer =
                                                            vertx.setPeriodic(
                                                                    60_000,
                                                                    t -> {
                                                                        parts.evictIdleClients();
                                                                        speedTest.evictIdle();
                                                                    });
                                                    return new Collector(
                                                            vertx,
                                                            parts,
                                                            copies.get(0),
                                                            id,
                                                            timer,
                                                            ds);
                                                })
                                        .onFailure(e -> vertx.undeploy(id)))
                .onFailure(
                        e -> {
                            parts.close();
                            ds.ifPresent(HikariDataSource::close);
                        });
    }

    /**
     * Port 0 ("any free port") on several copies would bind each copy to a port of its own: Vert.x
     * shares a server only between listens on the same port number. A negative number asks it for
     * one random port shared by every listen on that same number; a new number per collector keeps
     * two collectors in one Vert.x (as some tests run them) apart.
     */
    private static int listenPort(int configured) {
        return configured == 0 ? -SHARED_RANDOM_PORTS.incrementAndGet() : configured;
    }

    /** The one port every copy listens on; fails if they somehow bound different ones. */
    private static Future<Integer> samePort(List<CollectorVerticle> copies) {
        Set<Integer> ports =
                copies.stream().map(CollectorVerticle::actualPort).collect(Collectors.toSet());
        return ports.size() == 1
                ? Future.succeededFuture(ports.iterator().next())
                : Future.failedFuture(
                        new IllegalStateException(
                                "the collector's event loops listen on different ports: " + ports));
    }

    /** The bound HTTP port. */
    public int port() {
        return verticle.actualPort();
    }

    /** The HTTP routes, for the test that keeps openapi.yaml true. */
    java.util.List<io.vertx.ext.web.Route> routes() {
        return verticle.routes();
    }

    public MeterRegistry registry() {
        return parts.registry();
    }

    /** Undeploys the server and closes the Kafka and database clients. */
    public Future<Void> close() {
        vertx.cancelTimer(evictionTimer);
        return vertx.undeploy(deploymentId)
                .eventually(
                        () ->
                                vertx.executeBlocking(
                                        () -> {
                                            parts.close();
                                            dataSource.ifPresent(HikariDataSource::close);
                                            return null;
                                        }));
    }

    /** Vert.x options that publish Vert.x's own HTTP metrics into the Prometheus registry. */
    public static VertxOptions vertxOptions() {
        return new VertxOptions()
                .setMetricsOptions(
                        new MicrometerMetricsOptions()
                                .setPrometheusOptions(new VertxPrometheusOptions().setEnabled(true))
                                .setJvmMetricsEnabled(true)
                                .setEnabled(true));
    }

    /** Runs the collector; the optional argument is a properties file. */
    public static void main(String[] args) {
        Settings settings;
        CollectorConfig config;
        try {
            settings = Settings.load(args.length > 0 ? Path.of(args[0]) : null);
            config = CollectorConfig.from(settings);
        } catch (Settings.ConfigException e) {
            // A config mistake is the operator's to fix: one line that names the key, no trace.
            System.err.println("Lỗi cấu hình / config error: " + e.getMessage());
            System.exit(2);
            return;
        }
        Vertx vertx = Vertx.vertx(vertxOptions());
        start(vertx, config, ValidationLimits.from(settings))
                .onFailure(
                        e -> {
                            LOG.error("Collector failed to start", e);
                            vertx.close();
                            System.exit(1);
                        });
    }

    /** Vert.x's Prometheus registry when metrics are on, so one scrape shows both; else ours. */
    private static MeterRegistry newRegistry() {
        MeterRegistry vertxRegistry = BackendRegistries.getDefaultNow();
        if (vertxRegistry instanceof PrometheusMeterRegistry) {
            return vertxRegistry;
        }
        return new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    }
}
