package vn.speedwatch.collector.http;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;

/**
 * Readiness of the Kafka connection: a {@code describeCluster} with a short timeout, cached for a
 * couple of seconds so that frequent probes do not hammer the broker.
 */
public final class KafkaHealth implements AutoCloseable {

    private static final int TIMEOUT_MS = 2000;
    private static final long CACHE_NANOS = 2_000_000_000L;

    private final Admin admin;
    private volatile boolean lastReady;
    private volatile long checkedAt = Long.MIN_VALUE;

    public KafkaHealth(String bootstrapServers) {
        this.admin =
                Admin.create(
                        Map.of(
                                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, TIMEOUT_MS,
                                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, TIMEOUT_MS,
                                AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1000));
    }

    /** True when the cluster answered recently; completes on {@code context}. */
    public Future<Boolean> ready(Context context) {
        long now = System.nanoTime();
        if (checkedAt != Long.MIN_VALUE && now - checkedAt < CACHE_NANOS) {
            return Future.succeededFuture(lastReady);
        }
        Promise<Boolean> promise = Promise.promise();
        admin.describeCluster(new DescribeClusterOptions().timeoutMs(TIMEOUT_MS))
                .clusterId()
                .whenComplete(
                        (id, error) -> {
                            lastReady = error == null;
                            checkedAt = System.nanoTime();
                            context.runOnContext(v -> promise.complete(lastReady));
                        });
        return promise.future();
    }

    @Override
    public void close() {
        admin.close(java.time.Duration.ofSeconds(2));
    }
}
