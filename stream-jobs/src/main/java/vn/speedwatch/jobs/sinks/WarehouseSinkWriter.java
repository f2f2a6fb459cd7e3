package vn.speedwatch.jobs.sinks;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.operators.ProcessingTimeService;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.speedwatch.warehouse.Warehouse;
import vn.speedwatch.warehouse.WarehouseConfig;

/**
 * The per-subtask half of {@link WarehouseSink}: buffers, flushes on size, age and checkpoint, and
 * retries while the database is unreachable. Timer callbacks run in the task's mailbox thread, so
 * the buffer needs no locking.
 */
final class WarehouseSinkWriter<T> implements SinkWriter<T> {

    private static final Logger LOG = LoggerFactory.getLogger(WarehouseSinkWriter.class);

    private final WarehouseConfig config;
    private final BatchWriter<T> writer;
    private final int batchSize;
    private final long maxDelayMillis;
    private final String name;
    private final ProcessingTimeService timers;
    private final Counter written;
    private final Counter retries;
    private final RetryPolicy retry;
    private final int subtask;

    private List<T> buffer;
    private HikariDataSource dataSource;

    /** Bumped at every flush so a timer armed for an already-flushed buffer does nothing. */
    private long generation;

    WarehouseSinkWriter(
            WarehouseConfig config,
            BatchWriter<T> writer,
            int batchSize,
            long maxDelayMillis,
            String name,
            WriterInitContext context) {
        this.config = config;
        this.writer = writer;
        this.batchSize = batchSize;
        this.maxDelayMillis = maxDelayMillis;
        this.name = name;
        this.timers = context.getProcessingTimeService();
        MetricGroup metrics = context.metricGroup().addGroup("warehouse", name);
        this.written = metrics.counter("recordsWritten");
        this.retries = metrics.counter("writeRetries");
        this.subtask = context.getTaskInfo().getIndexOfThisSubtask();
        this.retry = new RetryPolicy(name + "#" + subtask, retries);
        this.buffer = new ArrayList<>(batchSize);
    }

    @Override
    public void write(T element, Context context) throws IOException, InterruptedException {
        buffer.add(element);
        if (buffer.size() >= batchSize) {
            flushBuffer();
        } else if (buffer.size() == 1) {
            long armedFor = generation;
            timers.registerTimer(
                    timers.getCurrentProcessingTime() + maxDelayMillis, time -> onTimer(armedFor));
        }
    }

    @Override
    public void flush(boolean endOfInput) throws IOException, InterruptedException {
        flushBuffer();
    }

    @Override
    public void close() {
        if (dataSource != null) {
            dataSource.close();
        }
    }

    private void onTimer(long armedFor) throws IOException, InterruptedException {
        if (armedFor == generation) {
            flushBuffer();
        }
    }

    private void flushBuffer() throws IOException, InterruptedException {
        generation++;
        if (buffer.isEmpty()) {
            return;
        }
        List<T> batch = buffer;
        buffer = new ArrayList<>(batchSize);
        retry.run(() -> writer.write(dataSource(), batch));
        written.inc(batch.size());
        LOG.debug("Sink {} subtask {} wrote {} records", name, subtask, batch.size());
    }

    private HikariDataSource dataSource() {
        if (dataSource == null) {
            // Opened lazily and inside the retry loop: a database that is down at start only
            // delays.
            dataSource = Warehouse.open(config);
        }
        return dataSource;
    }
}
