package vn.speedwatch.collector.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.ProducerRecord;
import vn.speedwatch.collector.Collector;
import vn.speedwatch.collector.config.CollectorConfig;
import vn.speedwatch.kafka.EmbeddedKafkaBroker;
import vn.speedwatch.model.Json;
import vn.speedwatch.model.Measurement;
import vn.speedwatch.model.MeasurementEvent;
import vn.speedwatch.model.MeasurementParser;
import vn.speedwatch.model.Settings;
import vn.speedwatch.model.ValidationLimits;

/**
 * Sustained accepted measurements per second through the collector with durable Kafka acks, next to
 * the ceiling of a bare Vert.x endpoint that only answers 202, both driven by the same Vert.x load
 * loop in the same run, and the ceiling of Kafka alone (a plain producer with the collector's
 * settings sending the same records). Prints a markdown table whose ratio column compares every row
 * with the bare endpoint. Not a test: run bench/collector/run.
 */
public final class CollectorBench {

    private static final String PATH = "/api/v1/measurements";
    private static final String KAFKA_ONLY_TOPIC = "bench.kafka-ceiling";

    private final Vertx loadVertx = Vertx.vertx();
    private final int concurrency;
    private final Duration warmup;
    private final Duration measure;

    private CollectorBench(int concurrency, Duration warmup, Duration measure) {
        this.concurrency = concurrency;
        this.warmup = warmup;
        this.measure = measure;
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 15;
        int concurrency = args.length > 1 ? Integer.parseInt(args[1]) : 32;
        // A long warm-up: on a busy 2-core machine the JIT needs it before figures mean much.
        int warmup = args.length > 2 ? Integer.parseInt(args[2]) : 15;
        new CollectorBench(concurrency, Duration.ofSeconds(warmup), Duration.ofSeconds(seconds))
                .run();
        System.exit(0);
    }

    private void run() throws Exception {
        String loadBefore = loadAverage();
        Path dir = Files.createTempDirectory("bench-kafka");
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dir, 0);
        broker.createTopic("speedwatch.measurements", 3);
        broker.createTopic(KAFKA_ONLY_TOPIC, 3);
        Vertx serverVertx = Vertx.vertx();
        // -Dbench.instances=1 measures the collector (and the bare ceiling) on one event loop.
        int instances =
                Integer.getInteger("bench.instances", Runtime.getRuntime().availableProcessors());
        Collector collector = join(Collector.start(serverVertx, config(broker, instances)));
        BareEndpoint bare = BareEndpoint.start(serverVertx, instances);
        List<Buffer> singles = bodies(2000, 1);
        List<Buffer> batches = bodies(200, 100);
        // -Dbench.rows=collector-batch,... runs only some rows (for a profiler); default: all.
        Set<String> only =
                Set.of(
                        System.getProperty(
                                        "bench.rows",
                                        "bare-single,collector-single,bare-batch,collector-batch,kafka")
                                .split(","));
        Result bareSingle = only.contains("bare-single") ? load(bare.actualPort(), singles) : null;
        Result collectorSingle =
                only.contains("collector-single") ? load(collector.port(), singles) : null;
        Result bareBatch = only.contains("bare-batch") ? load(bare.actualPort(), batches) : null;
        Result collectorBatch =
                only.contains("collector-batch") ? load(collector.port(), batches) : null;
        // The same records the collector sends, with as many unacknowledged as its batch row.
        Result kafka =
                only.contains("kafka")
                        ? KafkaCeiling.run(
                                broker.bootstrapServers(),
                                records(batches),
                                concurrency * 100,
                                warmup,
                                measure)
                        : null;
        String loadAfter = loadAverage();
        System.out.println();
        System.out.printf(
                "Load: %s, %d connections, warm-up %ds, measured %ds, %d cores, "
                        + "%d server event loop(s); load average (1/5/15 min) %s before, %s "
                        + "after.%n%n",
                Wrk.available() ? "wrk" : "Vert.x HttpClient loop",
                concurrency,
                warmup.toSeconds(),
                measure.toSeconds(),
                Runtime.getRuntime().availableProcessors(),
                instances,
                loadBefore,
                loadAfter);
        System.out.println(
                "| endpoint | body | requests/s | measurements/s | ratio to bare "
                        + "| p50 ms | p99 ms | non-202 | CPU µs/measurement, all Java threads "
                        + "| of which server side |");
        System.out.println("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        printRow("bare Vert.x 202 (ceiling)", "single", 1, bareSingle, bareSingle);
        printRow("collector → Kafka acks=all", "single", 1, collectorSingle, bareSingle);
        printRow("bare Vert.x 202 (ceiling)", "batch 100", 100, bareBatch, bareBatch);
        printRow("collector → Kafka acks=all", "batch 100", 100, collectorBatch, bareBatch);
        printRow("Kafka alone, same producer (ceiling)", "records", 0, kafka, bareBatch);
        join(collector.close());
        broker.close();
    }

    private static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }

    /** The Kafka records the collector makes of these bodies: same keys, same values' sizes. */
    private static List<ProducerRecord<String, byte[]>> records(List<Buffer> bodies)
            throws Exception {
        MeasurementParser parser = new MeasurementParser(ValidationLimits.defaults());
        List<ProducerRecord<String, byte[]>> out = new ArrayList<>();
        for (Buffer body : bodies) {
            for (JsonNode item : Json.mapper().readTree(body.getBytes())) {
                Measurement m = parser.parse(item).measurement();
                MeasurementEvent e =
                        MeasurementEvent.measurement(
                                m,
                                java.time.Instant.now(),
                                "0123456789abcdef0123456789abcdef",
                                null,
                                "bench");
                out.add(
                        new ProducerRecord<>(
                                KAFKA_ONLY_TOPIC,
                                m.id().toString(),
                                Json.mapper().writeValueAsBytes(e)));
            }
        }
        return out;
    }

    private static CollectorConfig config(EmbeddedKafkaBroker broker, int instances) {
        return CollectorConfig.from(
                Settings.of(
                        Map.of(
                                "http.host",
                                "127.0.0.1",
                                "http.port",
                                "0",
                                "http.instances",
                                Integer.toString(instances),
                                "kafka.bootstrap-servers",
                                broker.bootstrapServers(),
                                "collector.rate-per-second",
                                "100000000",
                                "collector.burst",
                                "100000000",
                                "collector.max-body-bytes",
                                "4194304",
                                "receipt.secret",
                                "bench",
                                "privacy.ip-hash-secret",
                                "bench")));
    }

    /** Loads a port with wrk when installed, else with the Vert.x loop; both warm up first. */
    private Result load(int port, List<Buffer> bodies) throws Exception {
        return Wrk.available()
                ? Wrk.run(port, PATH, bodies.get(0).toString(), concurrency, warmup, measure)
                : loop(port, bodies);
    }

    /** Runs the Vert.x load loop against a port: warm-up, then a measured window. */
    private Result loop(int port, List<Buffer> bodies) throws Exception {
        HttpClient client =
                loadVertx.createHttpClient(
                        new HttpClientOptions()
                                .setDefaultHost("127.0.0.1")
                                .setDefaultPort(port)
                                .setKeepAlive(true),
                        new PoolOptions().setHttp1MaxSize(concurrency));
        runFor(client, bodies, warmup, new Result());
        Result result = new Result();
        ThreadCpu cpu = new ThreadCpu();
        Set<Long> loadGenerator = runFor(client, bodies, measure, result);
        long[] used = cpu.since(loadGenerator);
        result.cpuNanos = used[0];
        result.serverCpuNanos = used[1];
        join(client.close());
        return result;
    }

    /** Returns the load generator's threads, to tell its CPU time from the servers'. */
    private Set<Long> runFor(HttpClient client, List<Buffer> bodies, Duration d, Result result)
            throws Exception {
        long deadline = System.nanoTime() + d.toNanos();
        AtomicLong next = new AtomicLong();
        List<CompletableFuture<Void>> loops = new ArrayList<>();
        // One context: Result is only ever touched from its event loop.
        io.vertx.core.Context context = loadVertx.getOrCreateContext();
        Set<Long> threads = java.util.concurrent.ConcurrentHashMap.newKeySet();
        context.runOnContext(v -> threads.add(Thread.currentThread().getId()));
        for (int i = 0; i < concurrency; i++) {
            CompletableFuture<Void> done = new CompletableFuture<>();
            loops.add(done);
            context.runOnContext(v -> loop(client, bodies, next, deadline, result, done));
        }
        CompletableFuture.allOf(loops.toArray(CompletableFuture[]::new))
                .get(d.toSeconds() + 60, TimeUnit.SECONDS);
        result.seconds = d.toNanos() / 1e9;
        return threads;
    }

    private void loop(
            HttpClient client,
            List<Buffer> bodies,
            AtomicLong next,
            long deadline,
            Result result,
            CompletableFuture<Void> done) {
        if (System.nanoTime() >= deadline) {
            done.complete(null);
            return;
        }
        Buffer body = bodies.get((int) (next.getAndIncrement() % bodies.size()));
        long start = System.nanoTime();
        client.request(HttpMethod.POST, PATH)
                .compose(
                        req ->
                                req.putHeader("Content-Type", "application/json")
                                        .send(body)
                                        .compose(resp -> resp.body().map(b -> resp.statusCode())))
                .onComplete(
                        ar -> {
                            result.record(
                                    System.nanoTime() - start,
                                    ar.succeeded() && ar.result() == 202);
                            loop(client, bodies, next, deadline, result, done);
                        });
    }

    private static List<Buffer> bodies(int count, int perBody) {
        List<Buffer> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ArrayNode batch = Json.mapper().createArrayNode();
            for (int j = 0; j < perBody; j++) {
                batch.add(
                        Json.mapper()
                                .createObjectNode()
                                .put("id", UUID.randomUUID().toString())
                                .put(
                                        "measuredAt",
                                        java.time.OffsetDateTime.now().minusMinutes(5).toString())
                                .put("downloadMbps", 80 + j % 20)
                                .put("uploadMbps", 40.5)
                                .put("latencyMs", 9.0)
                                .put("operator", "VNPT")
                                .put("accessType", "FIXED_FIBER")
                                .put("tdpCode", "TDP-03"));
            }
            out.add(Buffer.buffer(perBody == 1 ? batch.get(0).toString() : batch.toString()));
        }
        return out;
    }

    /** One table line; {@code perRequest} 0 means the result counts records, not requests. */
    private static void printRow(
            String endpoint, String body, int perRequest, Result r, Result ceiling) {
        if (r == null) {
            return;
        }
        double rps = r.ok / r.seconds;
        double perSecond = perRequest == 0 ? rps : rps * perRequest;
        String ratio =
                ceiling == null
                        ? "—"
                        : String.format(
                                "%.1f %%",
                                100
                                        * perSecond
                                        / (ceiling.ok
                                                / ceiling.seconds
                                                * (perRequest == 0 ? 100 : perRequest)));
        double measurements = Math.max(1, r.ok * Math.max(1, perRequest));
        System.out.println(
                String.format(
                        "| %s | %s | %s | %,.0f | %s | %.1f | %.1f | %d | %.1f | %s |",
                        endpoint,
                        body,
                        perRequest == 0 ? "—" : String.format("%,.0f", rps),
                        perSecond,
                        ratio,
                        r.percentile(0.50),
                        r.percentile(0.99),
                        r.failed,
                        r.cpuNanos / 1e3 / measurements,
                        perRequest == 0
                                ? "—"
                                : String.format("%.1f", r.serverCpuNanos / 1e3 / measurements)));
    }

    static <T> T join(Future<T> f) throws Exception {
        return f.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    }

    /** Latencies of one window; only touched on the load generator's event loop. */
    static final class Result {
        private long[] latencies = new long[1 << 16];
        private int count;
        long ok;
        long failed;
        long cpuNanos;
        long serverCpuNanos;
        double seconds;
        double p50 = Double.NaN;
        double p99 = Double.NaN;

        void record(long nanos, boolean accepted) {
            if (count == latencies.length) {
                latencies = Arrays.copyOf(latencies, count * 2);
            }
            latencies[count++] = nanos;
            if (accepted) {
                ok++;
            } else {
                failed++;
            }
        }

        double percentile(double p) {
            if (count == 0) {
                return p == 0.5 ? p50 : p99;
            }
            long[] sorted = Arrays.copyOf(latencies, count);
            Arrays.sort(sorted);
            return sorted[(int) Math.min(count - 1, Math.floor(p * count))] / 1e6;
        }
    }
}
