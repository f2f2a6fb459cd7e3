package vn.speedwatch.launcher;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.speedwatch.collector.config.CollectorConfig;
import vn.speedwatch.console.ConsoleConfig;
import vn.speedwatch.console.ConsoleRoutes;
import vn.speedwatch.jobs.config.PipelineConfig;
import vn.speedwatch.kafka.EmbeddedKafkaBroker;
import vn.speedwatch.model.Settings;
import vn.speedwatch.model.ValidationLimits;
import vn.speedwatch.warehouse.Retention;
import vn.speedwatch.warehouse.Warehouse;
import vn.speedwatch.warehouse.WarehouseConfig;

/**
 * Everything the ward needs, started in one JVM: PostgreSQL (external or embedded), the Kafka
 * broker (external or in-process), the Flink quality job in a MiniCluster, and the collector with
 * the resident pages. {@code run}, {@code demo} and the end-to-end test all use this class.
 *
 * <p>{@link #close()} stops in the order that loses nothing: HTTP first (flushing the producer),
 * then the job with a savepoint, then the broker, then the database.
 */
public final class SpeedwatchRuntime implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SpeedwatchRuntime.class);

    private final LauncherConfig config;
    private final Deque<Step> started = new ArrayDeque<>();
    private Database database;
    private HikariDataSource dataSource;
    private String bootstrapServers;
    private EmbeddedCollector collector;
    private boolean tls;
    private Duration startup;
    private boolean closed;

    private SpeedwatchRuntime(LauncherConfig config) {
        this.config = config;
    }

    /**
     * Starts every part and returns when the API answers; on any failure, stops what started.
     *
     * @throws LauncherException for problems the user can fix (port in use, directory)
     */
    public static SpeedwatchRuntime start(LauncherConfig config) {
        Preflight.requireWritableDir(config.dataDir());
        Preflight.requireFreePort(config.httpHost(), config.httpPort(), "HTTP");
        if (config.kafkaBootstrapServers().isEmpty()) {
            Preflight.requireFreePort("127.0.0.1", config.kafkaPort(), "Kafka");
        }
        SpeedwatchRuntime runtime = new SpeedwatchRuntime(config);
        try {
            runtime.startAll();
            return runtime;
        } catch (RuntimeException e) {
            runtime.close();
            throw e;
        } catch (Exception e) {
            runtime.close();
            throw new LauncherException(
                    "Khởi động thất bại: " + e.getMessage(), "start-up failed: " + e, e);
        }
    }

    private void startAll() throws Exception {
        long t0 = System.nanoTime();
        LOG.info("Starting speedwatch: {}", config);
        // The broker and the database are independent: start them side by side.
        CompletableFuture<String> kafka = CompletableFuture.supplyAsync(this::startKafka);
        try {
            startDatabase();
        } finally {
            bootstrapServers = joinUnwrapped(kafka);
        }
        Settings components =
                config.componentSettings(
                                database.jdbcUrl(),
                                database.user(),
                                database.password(),
                                bootstrapServers)
                        .with(LocalSecrets.missing(config.settings(), config.dataDir()));
        startFlinkAndCollector(
                PipelineConfig.from(components),
                CollectorConfig.from(components),
                ValidationLimits.from(components),
                ConsoleConfig.from(components));
        scheduleRetention(Retention.Policy.from(components));
        startup = Duration.ofNanos(System.nanoTime() - t0);
        LOG.info("speedwatch ready in {} ms", startup.toMillis());
    }

    private void startDatabase() {
        Database db = Database.open(config);
        push("database", db::close);
        database = db;
        HikariDataSource ds =
                Warehouse.open(new WarehouseConfig(db.jdbcUrl(), db.user(), db.password(), 2));
        push("database pool", ds::close);
        dataSource = ds;
        try {
            Warehouse.migrate(ds);
        } catch (RuntimeException e) {
            throw new LauncherException(
                    "Không kết nối hoặc cập nhật được cơ sở dữ liệu "
                            + db.jdbcUrl()
                            + ": "
                            + e.getMessage(),
                    "cannot connect to or migrate the warehouse",
                    e);
        }
        AreaImport.seedIfEmpty(ds, config.settings());
    }

    private String startKafka() {
        if (config.kafkaBootstrapServers().isPresent()) {
            return config.kafkaBootstrapServers().get();
        }
        EmbeddedKafkaBroker broker =
                EmbeddedKafkaBroker.start(config.kafkaDir(), config.kafkaPort());
        push("Kafka broker", broker::close);
        broker.createTopic(config.kafkaTopic(), config.kafkaPartitions());
        return broker.bootstrapServers();
    }

    private static <T> T joinUnwrapped(CompletableFuture<T> f) {
        try {
            return f.join();
        } catch (java.util.concurrent.CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    /** Records a started part; synchronized because the broker starts on another thread. */
    private synchronized void push(String name, Runnable stop) {
        started.push(new Step(name, stop));
    }

    /**
     * The job and the collector both need only Kafka and the database, so they start side by side;
     * their stop steps are recorded job first, so that on close the collector stops accepting HTTP
     * (and flushes its producer) before the job takes its savepoint.
     */
    private void startFlinkAndCollector(
            PipelineConfig pipeline,
            CollectorConfig collectorConfig,
            ValidationLimits limits,
            ConsoleConfig consoleConfig)
            throws Exception {
        tls = collectorConfig.tls().isPresent();
        Preflight.requireWritableDir(config.flinkDir());
        CompletableFuture<FlinkJob> flink =
                CompletableFuture.supplyAsync(
                        () -> {
                            try {
                                return FlinkJob.start(pipeline, config.flinkDir());
                            } catch (RuntimeException e) {
                                throw e;
                            } catch (Exception e) {
                                throw new LauncherException(
                                        "Không khởi động được Flink: " + e.getMessage(),
                                        "the Flink job did not start",
                                        e);
                            }
                        });
        try {
            // The officials' console shares the collector's HTTP server and the warehouse pool.
            collector =
                    EmbeddedCollector.start(
                            collectorConfig,
                            limits,
                            (router, vertx) ->
                                    ConsoleRoutes.mount(router, vertx, consoleConfig, dataSource));
        } catch (Exception e) {
            stopLater(flink);
            throw e;
        }
        try {
            FlinkJob job = joinUnwrapped(flink);
            push("Flink job", () -> job.stop(config.stopTimeout()));
        } finally {
            push("collector", collector::close);
        }
    }

    /** Waits for a job that is still starting, so that close() stops it too. */
    private void stopLater(CompletableFuture<FlinkJob> flink) {
        try {
            FlinkJob job = flink.join();
            push("Flink job", () -> job.stop(config.stopTimeout()));
        } catch (RuntimeException ignored) {
            // It failed to start as well: nothing to stop.
        }
    }

    /**
     * Hourly: exact coordinates older than {@code privacy.keep-coordinates} are forgotten and raw
     * rows older than {@code privacy.keep-raw} deleted (on TimescaleDB a retention policy does the
     * latter too). A failed run is logged and the next one catches up.
     */
    private void scheduleRetention(Retention.Policy policy) {
        ScheduledExecutorService timer =
                Executors.newSingleThreadScheduledExecutor(
                        r -> {
                            Thread t = new Thread(r, "privacy-retention");
                            t.setDaemon(true);
                            return t;
                        });
        Retention retention = new Retention(dataSource, policy);
        timer.scheduleAtFixedRate(
                () -> {
                    try {
                        retention.apply(Instant.now());
                    } catch (RuntimeException e) {
                        // A scheduled task that throws is never run again: log and keep the
                        // schedule.
                        LOG.warn(
                                "Privacy retention failed, will retry in an hour: {}",
                                e.toString());
                    }
                },
                1,
                60,
                TimeUnit.MINUTES);
        push("privacy retention", timer::shutdownNow);
    }

    /** The addresses people and tools use, with the port actually bound. */
    public Urls urls() {
        return Urls.of(config.httpHost(), collector.port(), tls);
    }

    /** The JDBC URL of the database in use (embedded or external). */
    public String jdbcUrl() {
        return database.jdbcUrl();
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    public Duration startupTime() {
        return startup;
    }

    public LauncherConfig config() {
        return config;
    }

    /** Stops every started part in reverse order; safe to call twice and from a shutdown hook. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        long t0 = System.nanoTime();
        while (!started.isEmpty()) {
            Step step = started.pop();
            try {
                step.stop().run();
            } catch (RuntimeException e) {
                LOG.warn("Stopping {} failed: {}", step.name(), e.toString());
            }
        }
        LOG.info("speedwatch stopped in {} ms", (System.nanoTime() - t0) / 1_000_000);
    }

    private record Step(String name, Runnable stop) {}
}
