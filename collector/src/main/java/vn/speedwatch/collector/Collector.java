package vn.speedwatch.collector;

import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.micrometer.MicrometerMetricsOptions;
import io.vertx.micrometer.VertxPrometheusOptions;
import io.vertx.micrometer.backends.BackendRegistries;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;
import javax.sql.DataSource;
import io.vertx.ext.web.Router;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.speedwatch.collector.config.CollectorConfig;
import vn.speedwatch.collector.http.ResultLookup;
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

    private final Vertx vertx;
    private final CollectorParts parts;
    private final CollectorVerticle verticle;
    private final String deploymentId;
    private final Optional<HikariDataSource> dataSource;

    private Collector(Vertx vertx, CollectorParts parts, CollectorVerticle verticle,
            String deploymentId, Optional<HikariDataSource> dataSource) {
        this.vertx = vertx;
        this.parts = parts;
        this.verticle = verticle;
        this.deploymentId = deploymentId;
        this.dataSource = dataSource;
    }

    /** Starts the collector with validation limits from their defaults. */
    public static Future<Collector> start(Vertx vertx, CollectorConfig config) {
        return start(vertx, config, ValidationLimits.defaults());
    }

    /** Starts the collector; the future fails if the port cannot be bound. */
    public static Future<Collector> start(Vertx vertx, CollectorConfig config,
            ValidationLimits limits) {
        return start(vertx, config, limits, router -> {});
    }

    /**
     * Starts the collector with {@code extraRoutes} added to its router before the static pages:
     * the one-machine launcher mounts the officials' console on the same server this way.
     */
    public static Future<Collector> start(Vertx vertx, CollectorConfig config,
            ValidationLimits limits, Consumer<Router> extraRoutes) {
        Optional<HikariDataSource> ds = config.dbUrl().map(url -> Warehouse.open(
                new WarehouseConfig(url, config.dbUser().orElse("postgres"),
                        config.dbPassword().orElse(""), 2)));
        // Hikari waits 30 s for a connection by default, as long as the request timeout: with
        // the warehouse down a receipt look-up would hang, then time out. Fail it soon: 503.
        ds.ifPresent(d -> d.setConnectionTimeout(WAREHOUSE_WAIT.toMillis()));
        ResultLookup lookup = ds.map(ResultLookup::of).orElseGet(ResultLookup::withoutDatabase);
        CollectorParts parts = CollectorParts.build(config, newRegistry(), lookup, limits);
        CollectorVerticle verticle = new CollectorVerticle(config, parts,
                ds.map(DataSource.class::cast), extraRoutes);
        return vertx.deployVerticle(verticle)
                .map(id -> {
                    LOG.info("Collector listening on {}:{} ({})", config.httpHost(),
                            verticle.actualPort(), config);
                    return new Collector(vertx, parts, verticle, id, ds);
                })
                .onFailure(e -> {
                    parts.close();
                    ds.ifPresent(HikariDataSource::close);
                });
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
        return vertx.undeploy(deploymentId).eventually(() -> vertx.executeBlocking(() -> {
            parts.close();
            dataSource.ifPresent(HikariDataSource::close);
            return null;
        }));
    }

    /** Vert.x options that publish Vert.x's own HTTP metrics into the Prometheus registry. */
    public static VertxOptions vertxOptions() {
        return new VertxOptions().setMetricsOptions(new MicrometerMetricsOptions()
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
        start(vertx, config, ValidationLimits.from(settings)).onFailure(e -> {
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
