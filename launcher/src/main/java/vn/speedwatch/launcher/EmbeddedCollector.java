package vn.speedwatch.launcher;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import vn.speedwatch.collector.Collector;
import vn.speedwatch.collector.config.CollectorConfig;
import vn.speedwatch.model.ValidationLimits;

/**
 * The collector on its own Vert.x inside the launcher's JVM. Closing stops accepting HTTP, flushes
 * the Kafka producer, then closes Vert.x: the first thing to stop when the system shuts down.
 */
final class EmbeddedCollector implements AutoCloseable {

    private final Vertx vertx;
    private final Collector collector;

    private EmbeddedCollector(Vertx vertx, Collector collector) {
        this.vertx = vertx;
        this.collector = collector;
    }

    /**
     * Starts and waits until the HTTP port is bound; {@code extraRoutes} adds routes (the
     * officials' console) to the collector's router.
     */
    static EmbeddedCollector start(
            CollectorConfig config, ValidationLimits limits, BiConsumer<Router, Vertx> extraRoutes)
            throws Exception {
        Vertx vertx = Vertx.vertx(Collector.vertxOptions());
        try {
            Collector c =
                    Collector.start(
                                    vertx,
                                    config,
                                    limits,
                                    router -> extraRoutes.accept(router, vertx))
                            .toCompletionStage()
                            .toCompletableFuture()
                            .get(60, TimeUnit.SECONDS);
            return new EmbeddedCollector(vertx, c);
        } catch (Exception e) {
            await(vertx.close());
            throw e;
        }
    }

    int port() {
        return collector.port();
    }

    @Override
    public void close() {
        try {
            await(collector.close());
        } finally {
            await(vertx.close());
        }
    }

    private static void await(Future<?> f) {
        try {
            f.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e.toString(), e);
        }
    }
}
