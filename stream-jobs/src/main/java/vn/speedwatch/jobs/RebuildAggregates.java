package vn.speedwatch.jobs;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.speedwatch.jobs.config.PipelineConfig;
import vn.speedwatch.jobs.functions.Buckets;
import vn.speedwatch.jobs.records.EnrichedMeasurement;
import vn.speedwatch.jobs.records.QualityAggregate;
import vn.speedwatch.jobs.sinks.AggregateWriter;
import vn.speedwatch.jobs.sinks.Rows;
import vn.speedwatch.jobs.sinks.WarehouseSink;
import vn.speedwatch.jobs.sources.RawRangeReader;
import vn.speedwatch.model.Settings;
import vn.speedwatch.warehouse.AggregateRepository;
import vn.speedwatch.warehouse.Warehouse;

/**
 * Recomputes the hour and day aggregates of a time range from the raw table, as a Flink batch job
 * with the stream job's own cap and aggregation operators: after a threshold-file change, a bug fix
 * or a restore. The range is widened to whole local days; aggregates in it that no raw row supports
 * any more are deleted.
 *
 * <p>Usage: {@code RebuildAggregates <from ISO instant> <to ISO instant> [settings file]}.
 */
public final class RebuildAggregates {

    private static final Logger LOG = LoggerFactory.getLogger(RebuildAggregates.class);

    private final PipelineConfig config;

    public RebuildAggregates(PipelineConfig config) {
        this.config = config;
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println(
                    "usage: RebuildAggregates <from> <to> [settings file]"
                            + "  (instants like 2026-11-01T00:00:00Z)");
            System.exit(2);
        }
        Settings settings = Settings.load(args.length > 2 ? Path.of(args[2]) : null);
        PipelineConfig config = PipelineConfig.from(settings);
        int rows =
                new RebuildAggregates(config)
                        .run(
                                StreamExecutionEnvironment.getExecutionEnvironment(),
                                Instant.parse(args[0]),
                                Instant.parse(args[1]));
        LOG.info("Rebuild finished: {} raw rows aggregated", rows);
    }

    /** Rebuilds the local days covering {@code [from, to)}; returns the raw rows read. */
    public int run(StreamExecutionEnvironment env, Instant from, Instant to) throws Exception {
        long start = Buckets.localDayStart(from.toEpochMilli());
        long end = Buckets.localDayStart(to.toEpochMilli() - 1) + Buckets.DAY_MILLIS;
        List<EnrichedMeasurement> rows = new ArrayList<>();
        try (var ds = Warehouse.open(config.warehouse())) {
            new RawRangeReader(ds)
                    .forEach(
                            Instant.ofEpochMilli(start),
                            Instant.ofEpochMilli(end),
                            row -> rows.add(Rows.enriched(row)));
            deleteAggregates(ds, Instant.ofEpochMilli(start), Instant.ofEpochMilli(end));
        }
        LOG.info(
                "Rebuilding aggregates {} .. {} from {} raw rows",
                Instant.ofEpochMilli(start),
                Instant.ofEpochMilli(end),
                rows.size());
        if (rows.isEmpty()) {
            return 0;
        }
        env.setRuntimeMode(RuntimeExecutionMode.BATCH);
        env.setParallelism(config.parallelism());
        DataStream<EnrichedMeasurement> measurements =
                env.fromData(rows, TypeInformation.of(EnrichedMeasurement.class))
                        .name("Raw rows " + Instant.ofEpochMilli(start))
                        .uid("raw-rows")
                        .assignTimestampsAndWatermarks(
                                WatermarkStrategy.<EnrichedMeasurement>forMonotonousTimestamps()
                                        .withTimestampAssigner((m, t) -> m.measuredAtMillis))
                        .name("Event time from measuredAt")
                        .uid("rebuild-event-time");
        QualityPipeline.Aggregation agg = QualityPipeline.aggregate(measurements, config);
        DataStream<QualityAggregate> all = agg.hourly().union(agg.daily());
        all.sinkTo(
                        new WarehouseSink<>(
                                config.warehouse(),
                                new AggregateWriter(),
                                500,
                                Duration.ofSeconds(1),
                                "rebuild-aggregates"))
                .name("Aggregates → warehouse")
                .uid("sink-aggregates");
        env.execute("speedwatch rebuild aggregates");
        return rows.size();
    }

    private static void deleteAggregates(DataSource ds, Instant from, Instant to) {
        AggregateRepository aggregates = new AggregateRepository(ds);
        for (String resolution : List.of(Buckets.HOUR, Buckets.DAY)) {
            aggregates
                    .find(resolution, from, to)
                    .forEach(
                            r ->
                                    aggregates.delete(
                                            r.resolution(),
                                            r.tdpCode(),
                                            r.operator(),
                                            r.accessType(),
                                            r.bucketStart()));
        }
    }
}
