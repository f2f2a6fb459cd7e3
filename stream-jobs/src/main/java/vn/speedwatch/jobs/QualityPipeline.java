package vn.speedwatch.jobs;

import java.time.Duration;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.configuration.StateBackendOptions;
import org.apache.flink.core.execution.CheckpointingMode;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import vn.speedwatch.jobs.config.PipelineConfig;
import vn.speedwatch.jobs.functions.AggregateQuality;
import vn.speedwatch.jobs.functions.AlertRules;
import vn.speedwatch.jobs.functions.AlertStage;
import vn.speedwatch.jobs.functions.AttachBucket;
import vn.speedwatch.jobs.functions.Buckets;
import vn.speedwatch.jobs.functions.CapPerDevice;
import vn.speedwatch.jobs.functions.CellKey;
import vn.speedwatch.jobs.functions.DeduplicateMeasurements;
import vn.speedwatch.jobs.functions.EnrichWithArea;
import vn.speedwatch.jobs.functions.HeatmapStage;
import vn.speedwatch.jobs.functions.LateEvents;
import vn.speedwatch.jobs.functions.MeasuredAtWindows;
import vn.speedwatch.jobs.functions.MeasurementWatermarks;
import vn.speedwatch.jobs.functions.ParseEvents;
import vn.speedwatch.jobs.functions.QualityAccumulator;
import vn.speedwatch.jobs.functions.SkipClosedWindows;
import vn.speedwatch.jobs.records.EnrichedMeasurement;
import vn.speedwatch.jobs.records.ParsedEvent;
import vn.speedwatch.jobs.records.QualityAggregate;
import vn.speedwatch.jobs.sinks.PipelineSinks;
import vn.speedwatch.jobs.sources.EventSource;
import vn.speedwatch.jobs.sources.KafkaEventSource;

/**
 * The speedwatch quality job: topic records → parse and validate → de-duplicate → enrich with TDP →
 * cap per device → hourly and daily quality per TDP × operator × access type → warehouse, plus the
 * heatmap and alert stages. Source and sinks are parameters, so tests and the benchmark run the
 * same workflow on bounded inputs.
 *
 * <p>Use {@link #forKafka(PipelineConfig)} for the real topic and warehouse, {@link
 * #configure(StreamExecutionEnvironment, PipelineConfig)} for checkpointing, restarts and
 * serialization settings, then {@link #build(StreamExecutionEnvironment)} and execute.
 */
public final class QualityPipeline {

    public static final String JOB_NAME = "speedwatch quality";

    private final PipelineConfig config;
    private final EventSource source;
    private final PipelineSinks sinks;

    public QualityPipeline(PipelineConfig config, EventSource source, PipelineSinks sinks) {
        this.config = config;
        this.source = source;
        this.sinks = sinks;
    }

    /** The production pipeline: the configured Kafka topic and the warehouse. */
    public static QualityPipeline forKafka(PipelineConfig config) {
        return new QualityPipeline(
                config,
                new KafkaEventSource(
                        config.kafkaBootstrapServers(),
                        config.kafkaTopic(),
                        config.kafkaGroupId(),
                        false),
                PipelineSinks.warehouse(config));
    }

    /**
     * Exactly-once checkpoints at the configured interval (and directory, when set), a bounded
     * restart strategy, the configured parallelism, and no Kryo fallback for records.
     *
     * <p>Object reuse: chained operators hand records on without a serializer copy. That is safe
     * because every function emits objects it created and never changes a record it received or
     * keeps one (state keeps copies such as the encoded {@code RememberedMeasurement}).
     */
    public static StreamExecutionEnvironment configure(
            StreamExecutionEnvironment env, PipelineConfig config) {
        Configuration c = new Configuration();
        c.set(PipelineOptions.GENERIC_TYPES, false);
        c.set(PipelineOptions.OBJECT_REUSE, true);
        c.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
        c.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, 10);
        c.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofSeconds(2));
        config.checkpointDir()
                .ifPresent(
                        dir -> {
                            c.set(StateBackendOptions.STATE_BACKEND, "hashmap");
                            c.set(CheckpointingOptions.CHECKPOINT_STORAGE, "filesystem");
                            c.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, dir);
                        });
        env.configure(c);
        env.setParallelism(config.parallelism());
        env.enableCheckpointing(
                config.checkpointInterval().toMillis(), CheckpointingMode.EXACTLY_ONCE);
        return env;
    }

    /** Adds the whole workflow to {@code env} and returns it, ready to execute. */
    public StreamExecutionEnvironment build(StreamExecutionEnvironment env) {
        SingleOutputStreamOperator<ParsedEvent> parsed =
                source.attach(env)
                        .process(new ParseEvents(config.validationLimits()))
                        .name("Parse and validate")
                        .uid("parse-validate");
        parsed.getSideOutput(ParseEvents.DEAD_LETTERS)
                .sinkTo(sinks.deadLetters())
                .name("Dead letters → warehouse")
                .uid("sink-dead-letters");

        SingleOutputStreamOperator<EnrichedMeasurement> enriched =
                parsed.assignTimestampsAndWatermarks(
                                MeasurementWatermarks.strategy(
                                        config.outOfOrderness(), config.idleness()))
                        .name("Event time from measuredAt")
                        .uid("event-time")
                        .keyBy(DeduplicateMeasurements.key(), DeduplicateMeasurements.KEY_TYPE)
                        .process(new DeduplicateMeasurements(config.dedupeTtl()))
                        .name("De-duplicate by id")
                        // v2: keyed by the id's bits instead of its text since the throughput
                        // work of issue #5; older savepoints' id state is left unclaimed.
                        // v3: one compact RememberedMeasurement per id (with its forget time)
                        // instead of a ParsedEvent plus an expiry state, also for issue #5.
                        // v4: the remembered measurement as a compact byte array and no timer per
                        // id (state TTL forgets it), also for issue #5; v3 state is left unclaimed.
                        .uid("dedupe-id-v4")
                        .process(new EnrichWithArea(config.areasFile().orElse(null)))
                        .name("Enrich with TDP")
                        .uid("enrich-tdp");
        enriched.getSideOutput(EnrichWithArea.RAW_CHANGES)
                .sinkTo(sinks.raw())
                .name("Raw measurements → warehouse")
                .uid("sink-raw");

        Aggregation agg = aggregate(enriched, config);
        DataStream<EnrichedMeasurement> capped = agg.openDays();
        SingleOutputStreamOperator<QualityAggregate> hourly = agg.hourly();
        SingleOutputStreamOperator<QualityAggregate> daily = agg.daily();
        hourly.union(daily)
                .sinkTo(sinks.aggregates())
                .name("Aggregates → warehouse")
                .uid("sink-aggregates");

        agg.late()
                .process(new LateEvents())
                .name("Count late data")
                .uid("late-events")
                .sinkTo(sinks.raw())
                .name("Late erasures → warehouse")
                .uid("sink-late-erasures");

        attachHeatmapAndAlerts(capped, hourly);
        return env;
    }

    /** The device cap and the hour and day windows; the stream job and the rebuild share them. */
    /**
     * @param openDays capped measurements whose local day window is still open: the heatmap's day
     *     windows take the same input as the day aggregates
     */
    public record Aggregation(
            DataStream<EnrichedMeasurement> openDays,
            SingleOutputStreamOperator<QualityAggregate> hourly,
            SingleOutputStreamOperator<QualityAggregate> daily,
            DataStream<EnrichedMeasurement> late) {}

    /** Caps tests per device and aggregates per cell and hour and per cell and local day. */
    public static Aggregation aggregate(
            DataStream<EnrichedMeasurement> enriched, PipelineConfig config) {
        DataStream<EnrichedMeasurement> capped =
                enriched.keyBy(CapPerDevice.key(), CapPerDevice.KEY_TYPE)
                        .process(new CapPerDevice(config.deviceCap(), config.allowedLateness()))
                        .name("Cap tests per device")
                        // v2: keyed by a digest of device, cell and day instead of their text.
                        .uid("cap-per-device-v2");
        SingleOutputStreamOperator<EnrichedMeasurement> openHours =
                skipClosed(capped, Buckets.HOUR, config);
        SingleOutputStreamOperator<EnrichedMeasurement> openDays =
                skipClosed(capped, Buckets.DAY, config);
        SingleOutputStreamOperator<QualityAggregate> hourly =
                window(openHours, Buckets.HOUR, config);
        SingleOutputStreamOperator<QualityAggregate> daily = window(openDays, Buckets.DAY, config);
        DataStream<EnrichedMeasurement> late =
                openHours
                        .getSideOutput(LateEvents.LATE)
                        .union(
                                openDays.getSideOutput(LateEvents.LATE),
                                hourly.getSideOutput(LateEvents.LATE),
                                daily.getSideOutput(LateEvents.LATE));
        return new Aggregation(openDays, hourly, daily, late);
    }

    private static SingleOutputStreamOperator<EnrichedMeasurement> skipClosed(
            DataStream<EnrichedMeasurement> capped, String resolution, PipelineConfig config) {
        return capped.process(new SkipClosedWindows(resolution, config.allowedLateness()))
                .name("Skip windows closed before a restore (" + resolution + ")")
                .uid("skip-closed-" + resolution);
    }

    private static SingleOutputStreamOperator<QualityAggregate> window(
            DataStream<EnrichedMeasurement> capped, String resolution, PipelineConfig config) {
        return capped.keyBy(new CellKey(), Types.STRING)
                .window(new MeasuredAtWindows(resolution, config.earlyFire().toMillis()))
                .allowedLateness(config.allowedLateness())
                .sideOutputLateData(LateEvents.LATE)
                .aggregate(
                        new AggregateQuality(resolution),
                        new AttachBucket(resolution),
                        TypeInformation.of(QualityAccumulator.class),
                        TypeInformation.of(QualityAggregate.class),
                        TypeInformation.of(QualityAggregate.class))
                .name("Quality per " + resolution)
                .uid("aggregate-" + resolution);
    }

    private void attachHeatmapAndAlerts(
            DataStream<EnrichedMeasurement> capped, DataStream<QualityAggregate> hourly) {
        if (sinks.heatmap() != null) {
            // Erasures flow in too: the heatmap subtracts them and withdraws a cell that falls
            // below k distinct devices.
            HeatmapStage.attach(
                            capped,
                            config.heatmapMinDevices(),
                            config.allowedLateness(),
                            config.earlyFire())
                    .sinkTo(sinks.heatmap())
                    .name("Heatmap → warehouse")
                    .uid("sink-heatmap");
        }
        if (sinks.alerts() != null) {
            AlertRules rules =
                    AlertRules.of(
                            config.alertsMinSamples(),
                            config.alertsMedianDrop(),
                            config.alertsBelowQcvnShare());
            AlertStage.attach(hourly, rules)
                    .sinkTo(sinks.alerts())
                    .name("Alerts → warehouse")
                    .uid("sink-alerts");
        }
    }
}
