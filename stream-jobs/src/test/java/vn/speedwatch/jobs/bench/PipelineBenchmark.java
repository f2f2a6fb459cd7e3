package vn.speedwatch.jobs.bench;

import com.datadoghq.sketch.ddsketch.DDSketch;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.connector.datagen.source.GeneratorFunction;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import vn.speedwatch.jobs.QualityPipeline;
import vn.speedwatch.jobs.config.PipelineConfig;
import vn.speedwatch.jobs.functions.DeduplicateMeasurements;
import vn.speedwatch.jobs.functions.ParseEvents;
import vn.speedwatch.jobs.records.RawEvent;
import vn.speedwatch.jobs.sinks.PipelineSinks;
import vn.speedwatch.model.QualitySketch;
import vn.speedwatch.model.Settings;

/**
 * Throughput of the whole quality job at parallelism 2 over generated topic records (sinks discard,
 * so the database is not measured), next to the pass-through rate of the same generator into a
 * discarding sink, and the DDSketch accuracy over a million values. Not a test: run it with {@code
 * bench/stream-jobs/run [events]}.
 *
 * <p>A third row measures the floor issue #5 sets for the job: parse and de-duplication by id, the
 * least the job must do per event, with the full job's checkpointing. When that row is far below
 * the target, no work on the later stages reaches it.
 */
public final class PipelineBenchmark {

    static final Instant START = Instant.parse("2026-11-01T17:00:00Z");
    static final String[] OPERATORS = {"Viettel", "VNPT VinaPhone", "FPT Telecom"};
    static final String[] ACCESS = {"MOBILE_4G", "FIXED_FIBER"};

    private PipelineBenchmark() {}

    public static void main(String[] args) throws Exception {
        long events = args.length > 0 ? Long.parseLong(args[0]) : 5_000_000L;
        double loadBefore = loadAverage();
        Run passThrough = run(events, () -> passThroughJob(events));
        Run floor = run(events, () -> parseAndDeduplicateJob(events));
        Run full = run(events, () -> fullJob(events));
        double loadAfter = loadAverage();
        double[] errors = sketchErrors(1_000_000);
        System.out.println();
        System.out.printf(
                "| measure (parallelism 2, %,d events; load average %.2f → %.2f on %d cores)"
                        + " | value | ratio to pass-through | CPU per event |%n",
                events, loadBefore, loadAfter, Runtime.getRuntime().availableProcessors());
        System.out.println("|---|---|---|---|");
        passThrough.print("generator → discarding sink", passThrough);
        floor.print("floor: parse → de-duplicate by id → discarding sink", passThrough);
        full.print("full quality job → discarding sinks", passThrough);
        String[] names = {"p10", "p50", "p90"};
        for (int k = 0; k < names.length; k++) {
            System.out.printf(
                    "| sketch %s relative error (1 M values) | %.4f %% | — | — |%n",
                    names[k], errors[k] * 100);
        }
    }

    /**
     * A job's events per second of net runtime, and the CPU time of this process per event over it
     * (every thread: the job's, GC and JIT). On a loaded machine the rate follows the share of the
     * cores the job got; CPU per event compares code under different loads better.
     */
    record Run(double eventsPerSecond, double cpuMicrosPerEvent) {
        void print(String what, Run passThrough) {
            System.out.printf(
                    "| %s | %,.0f events/s | %.1f %% | %.1f µs |%n",
                    what,
                    eventsPerSecond,
                    100 * eventsPerSecond / passThrough.eventsPerSecond,
                    cpuMicrosPerEvent);
        }
    }

    static Run run(long events, Callable<JobExecutionResult> job) throws Exception {
        var os =
                (com.sun.management.OperatingSystemMXBean)
                        ManagementFactory.getOperatingSystemMXBean();
        long cpuBefore = os.getProcessCpuTime();
        JobExecutionResult result = job.call();
        long cpuNanos = os.getProcessCpuTime() - cpuBefore;
        return new Run(events / (result.getNetRuntime() / 1000.0), cpuNanos / 1000.0 / events);
    }

    /** The one-minute load average: the ratio is only comparable between runs at similar load. */
    static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    static JobExecutionResult passThroughJob(long events) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        env.fromSource(source(events), WatermarkStrategy.noWatermarks(), "generator")
                .sinkTo(new DiscardingSink<>());
        return env.execute("pass-through");
    }

    /** Generator → parse → keyBy id → de-duplicate → discarding sink, checkpointed as the job. */
    static JobExecutionResult parseAndDeduplicateJob(long events) throws Exception {
        PipelineConfig config = benchmarkConfig();
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        QualityPipeline.configure(env, config);
        env.fromSource(source(events), WatermarkStrategy.noWatermarks(), "generator")
                .process(new ParseEvents(config.validationLimits()))
                .keyBy(DeduplicateMeasurements.key(), DeduplicateMeasurements.KEY_TYPE)
                .process(new DeduplicateMeasurements(config.dedupeTtl()))
                .sinkTo(new DiscardingSink<>());
        return env.execute("parse and de-duplicate");
    }

    static JobExecutionResult fullJob(long events) throws Exception {
        PipelineConfig config = benchmarkConfig();
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        QualityPipeline.configure(env, config);
        new QualityPipeline(
                        config,
                        e ->
                                e.fromSource(
                                                source(events),
                                                WatermarkStrategy.noWatermarks(),
                                                "generator")
                                        .uid("generator"),
                        PipelineSinks.discarding())
                .build(env);
        return env.execute("quality benchmark");
    }

    /** Parallelism 2, checkpoints every 30 s to a new temporary directory. */
    static PipelineConfig benchmarkConfig() throws IOException {
        Path checkpoints = Files.createTempDirectory("sw-bench");
        return PipelineConfig.from(
                Settings.of(
                        Map.of(
                                "pipeline.parallelism", "2",
                                "pipeline.out-of-orderness", "1m",
                                "pipeline.checkpoint-interval", "30s",
                                "pipeline.checkpoint-dir", checkpoints.toUri().toString())));
    }

    static DataGeneratorSource<RawEvent> source(long events) {
        return new DataGeneratorSource<>(
                new Generator(), events, TypeInformation.of(RawEvent.class));
    }

    /**
     * One topic record per index, 20 ms apart: 1 % re-posts, 0.1 % invalid (dead letters), half
     * located by coordinates (with the consent coordinates need), half by a chosen TDP.
     */
    static final class Generator implements GeneratorFunction<Long, RawEvent> {
        @Override
        public RawEvent map(Long index) {
            long i = index % 100 == 99 ? index - 1 : index;
            Random r = new Random(i);
            UUID id = new UUID(0x5eed_0000_0000_0000L, i);
            Instant at = START.plusMillis(i * 20 + r.nextInt(30_000));
            double down =
                    i % 1000 == 500 ? -1 : Math.round(Math.exp(2 + r.nextGaussian()) * 100) / 100.0;
            String where =
                    r.nextBoolean()
                            ? "\"latitude\":"
                                    + (20.91 + r.nextDouble() * 0.02)
                                    + ",\"longitude\":"
                                    + (106.64 + r.nextDouble() * 0.08)
                                    + ",\"consent\":true"
                            : "\"tdpCode\":\"TDP-0" + (1 + r.nextInt(9)) + "\"";
            String json =
                    "{\"type\":\"MEASUREMENT\",\"id\":\""
                            + id
                            + "\",\"measurement\":{"
                            + "\"id\":\""
                            + id
                            + "\",\"measuredAt\":\""
                            + at
                            + "\",\"downloadMbps\":"
                            + down
                            + ",\"uploadMbps\":"
                            + down / 3
                            + ",\"latencyMs\":"
                            + (10 + r.nextInt(80))
                            + ",\"operator\":\""
                            + OPERATORS[r.nextInt(3)]
                            + "\",\"accessType\":\""
                            + ACCESS[r.nextInt(2)]
                            + "\","
                            + where
                            + ",\"client\":\"web\"},\"receivedAt\":\""
                            + at.plusSeconds(5)
                            + "\",\"clientHash\":\"dev-"
                            + r.nextInt(5000)
                            + "\"}";
            return new RawEvent(id.toString(), json);
        }
    }

    static double[] sketchErrors(int n) {
        Random r = new Random(42);
        double[] values = new double[n];
        DDSketch sketch = QualitySketch.create();
        for (int i = 0; i < n; i++) {
            values[i] = Math.exp(4 + 1.2 * r.nextGaussian());
            QualitySketch.add(sketch, values[i]);
        }
        Arrays.sort(values);
        double[] qs = {0.1, 0.5, 0.9};
        double[] errors = new double[qs.length];
        for (int k = 0; k < qs.length; k++) {
            double exact = values[(int) Math.floor(qs[k] * (n - 1))];
            errors[k] = Math.abs(QualitySketch.quantile(sketch, qs[k]) - exact) / exact;
        }
        return errors;
    }
}
