package vn.speedwatch.jobs.sinks;

import java.time.Duration;
import java.util.Objects;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import vn.speedwatch.warehouse.WarehouseConfig;

/**
 * A Flink Sink V2 that writes records to the warehouse in batches through a {@link BatchWriter}.
 *
 * <p>Each subtask buffers up to {@code batchSize} records and flushes when the buffer is full, when
 * the oldest buffered record is {@code maxDelay} old, and at every checkpoint ({@code flush}), so a
 * completed checkpoint means the data is in the database. Writers must upsert: after a failure the
 * job replays from the last checkpoint and rewrites some rows. While the database is unreachable
 * the writer retries with backoff and blocks, which back-pressures the job instead of dropping
 * data.
 */
public final class WarehouseSink<T> implements Sink<T> {

    private static final long serialVersionUID = 1L;

    /** One small pool per subtask: a handful of sinks times the parallelism must fit the server. */
    static final int POOL_SIZE_PER_SUBTASK = 2;

    // WarehouseConfig is a record that need not be Serializable; keep its parts.
    private final String jdbcUrl;
    private final String user;
    private final String password;
    private final int poolSize;
    private final BatchWriter<T> writer;
    private final int batchSize;
    private final long maxDelayMillis;
    private final String name;

    public WarehouseSink(
            WarehouseConfig config, BatchWriter<T> writer, int batchSize, Duration maxDelay) {
        this(config, writer, batchSize, maxDelay, writer.getClass().getSimpleName());
    }

    /** As above, with a name that log lines and metrics use to tell the sinks apart. */
    public WarehouseSink(
            WarehouseConfig config,
            BatchWriter<T> writer,
            int batchSize,
            Duration maxDelay,
            String name) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be at least 1, was " + batchSize);
        }
        if (maxDelay.isNegative() || maxDelay.isZero()) {
            throw new IllegalArgumentException("maxDelay must be positive, was " + maxDelay);
        }
        this.jdbcUrl = Objects.requireNonNull(config.jdbcUrl(), "jdbcUrl");
        this.user = config.user();
        this.password = config.password();
        this.poolSize = Math.max(1, Math.min(config.poolSize(), POOL_SIZE_PER_SUBTASK));
        this.writer = Objects.requireNonNull(writer, "writer");
        this.batchSize = batchSize;
        this.maxDelayMillis = maxDelay.toMillis();
        this.name = name;
    }

    @Override
    public SinkWriter<T> createWriter(WriterInitContext context) {
        WarehouseConfig config = new WarehouseConfig(jdbcUrl, user, password, poolSize);
        return new WarehouseSinkWriter<>(config, writer, batchSize, maxDelayMillis, name, context);
    }
}
