package vn.speedwatch.jobs.sinks;

import java.time.Duration;
import java.util.Optional;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import vn.speedwatch.jobs.config.PipelineConfig;
import vn.speedwatch.jobs.records.AlertEvent;
import vn.speedwatch.jobs.records.DeadLetter;
import vn.speedwatch.jobs.records.HeatmapCell;
import vn.speedwatch.jobs.records.QualityAggregate;
import vn.speedwatch.jobs.records.RawChange;
import vn.speedwatch.warehouse.WarehouseConfig;

/**
 * Where the pipeline writes: the warehouse in production and in the integration tests, discarding
 * sinks in the benchmark. Heatmap and alert sinks may be null, which leaves those stages out.
 */
public record PipelineSinks(
        Sink<RawChange> raw,
        Sink<QualityAggregate> aggregates,
        Sink<DeadLetter> deadLetters,
        Sink<HeatmapCell> heatmap,
        Sink<AlertEvent> alerts) {

    static final Duration MAX_DELAY = Duration.ofSeconds(1);

    /**
     * Aggregate rows come in bursts, one per early firing (a few dozen rows, under a batch), so
     * they always waited for the age flush: up to a second more between a test and the dashboard
     * (issue #11 freshness). A burst is written a fifth of a second after it starts.
     */
    static final Duration AGGREGATE_MAX_DELAY = Duration.ofMillis(200);

    /**
     * Raw changes per warehouse transaction (fewer when a second passes first, so only a backlog or
     * a catch-up fills one). Each transaction pays its round trips, the planning of its probe and a
     * WAL flush at commit; 10,000 rows took 20 % less time per row than 2,000 in the sink benchmark
     * (issue #11), for about 5 MB of buffered changes per sink subtask.
     */
    public static final int RAW_BATCH = 10000;

    /** Idempotent batched upserts into the warehouse at {@code db}. */
    public static PipelineSinks warehouse(
            WarehouseConfig db, int deviceCap, Optional<String> alertWebhook) {
        return new PipelineSinks(
                new WarehouseSink<>(
                        db, new RawChangeWriter(deviceCap), RAW_BATCH, MAX_DELAY, "raw"),
                new WarehouseSink<>(
                        db, new AggregateWriter(), 200, AGGREGATE_MAX_DELAY, "aggregates"),
                new WarehouseSink<>(db, new DeadLetterWriter(), 100, MAX_DELAY, "dead-letters"),
                new WarehouseSink<>(db, new HeatmapWriter(), 200, MAX_DELAY, "heatmap"),
                new WarehouseSink<>(db, new AlertWriter(alertWebhook), 20, MAX_DELAY, "alerts"));
    }

    /** The warehouse sinks of a pipeline configuration. */
    public static PipelineSinks warehouse(PipelineConfig config) {
        return warehouse(config.warehouse(), config.deviceCap(), config.alertsWebhookUrl());
    }

    /** Sinks that drop everything, for measuring the job itself. */
    public static PipelineSinks discarding() {
        return new PipelineSinks(
                new DiscardingSink<>(),
                new DiscardingSink<>(),
                new DiscardingSink<>(),
                new DiscardingSink<>(),
                new DiscardingSink<>());
    }
}
