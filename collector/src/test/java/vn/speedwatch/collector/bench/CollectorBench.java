package vn.speedwatch.collector.bench;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.PoolOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import vn.speedwatch.collector.Collector;
import vn.speedwatch.collector.config.CollectorConfig;
import vn.speedwatch.kafka.EmbeddedKafkaBroker;
import vn.speedwatch.model.Json;
import vn.speedwatch.model.Settings;

/**
 * Sustained accepted measurements per second through the collector with durable Kafka acks,
 * next to the ceiling of a bare Vert.x endpoint that only answers 202, both driven by the same
 * Vert.x load loop in the same run. Prints a markdown table. Not a test: run bench/collector/run.
 */
public final class CollectorBench {

    private static final String PATH = "/api/v1/measurements";

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
        Path dir = Files.createTempDirectory("bench-kafka");
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dir, 0);
        broker.createTopic("speedwatch.measurements", 3);
        Vertx serverVertx = Vertx.vertx();
        Collector collector = join(Collector.start(serverVertx, config(broker)));
        HttpServer bare = join(serverVertx.createHttpServer()
                .requestHandler(req -> req.body().onComplete(b -> req.response().setStatusCode(202)
                        .end("{\"accepted\":1}")))
                .listen(0, "127.0.0.1"));
        List<Buffer> singles = bodies(2000, 1);
        List<Buffer> batches = bodies(200, 100);
        List<String> rows = new ArrayList<>();
        rows.add(row("bare Vert.x 202 (ceiling)", "single", 1, load(bare.actualPort(), singles)));
        rows.add(row("collector → Kafka acks=all", "single", 1, load(collector.port(), singles)));
        rows.add(row("bare Vert.x 202 (ceiling)", "batch 100", 100,
                load(bare.actualPort(), batches)));
        rows.add(row("collector → Kafka acks=all", "batch 100", 100,
                load(collector.port(), batches)));
        System.out.println();
        System.out.printf("Load: %s, %d connections, warm-up %ds, measured %ds, %d cores.%n%n",
                Wrk.available() ? "wrk" : "Vert.x HttpClient loop", concurrency,
                warmup.toSeconds(), measure.toSeconds(),
                Runtime.getRuntime().availableProcessors());
        System.out.println(
                "| endpoint | body | requests/s | measurements/s | p50 ms | p99 ms | non-202 |");
        System.out.println("|---|---|---:|---:|---:|---:|---:|");
        rows.forEach(System.out::println);
        join(collector.close());
        broker.close();
    }

    private static CollectorConfig config(EmbeddedKafkaBroker broker) {
        return CollectorConfig.from(Settings.of(Map.of(
                "http.host", "127.0.0.1", "http.port", "0",
                "kafka.bootstrap-servers", broker.bootstrapServers(),
                "collector.rate-per-second", "100000000", "collector.burst", "100000000",
                "collector.max-body-bytes", "4194304",
                "receipt.secret", "bench", "privacy.ip-hash-secret", "bench")));
    }

    /** Loads a port with wrk when installed, else with the Vert.x loop; both warm up first. */
    private Result load(int port, List<Buffer> bodies) throws Exception {
        return Wrk.available() ? Wrk.run(port, PATH, bodies.get(0).toString(), concurrency,
                warmup, measure) : loop(port, bodies);
    }

    /** Runs the Vert.x load loop against a port: warm-up, then a measured window. */
    private Result loop(int port, List<Buffer> bodies) throws Exception {
        HttpClient client = loadVertx.createHttpClient(
                new HttpClientOptions().setDefaultHost("127.0.0.1").setDefaultPort(port)
                        .setKeepAlive(true),
                new PoolOptions().setHttp1MaxSize(concurrency));
        runFor(client, bodies, warmup, new Result());
        Result result = new Result();
        runFor(client, bodies, measure, result);
        join(client.close());
        return result;
    }

    private void runFor(HttpClient client, List<Buffer> bodies, Duration d, Result result)
            throws Exception {
        long deadline = System.nanoTime() + d.toNanos();
        AtomicLong next = new AtomicLong();
        List<CompletableFuture<Void>> loops = new ArrayList<>();
        // One context: Result is only ever touched from its event loop.
        io.vertx.core.Context context = loadVertx.getOrCreateContext();
        for (int i = 0; i < concurrency; i++) {
            CompletableFuture<Void> done = new CompletableFuture<>();
            loops.add(done);
            context.runOnContext(v -> loop(client, bodies, next, deadline, result, done));
        }
        CompletableFuture.allOf(loops.toArray(CompletableFuture[]::new))
                .get(d.toSeconds() + 60, TimeUnit.SECONDS);
        result.seconds = d.toNanos() / 1e9;
    }

    private void loop(HttpClient client, List<Buffer> bodies, AtomicLong next, long deadline,
            Result result, CompletableFuture<Void> done) {
        if (System.nanoTime() >= deadline) {
            done.complete(null);
            return;
        }
        Buffer body = bodies.get((int) (next.getAndIncrement() % bodies.size()));
        long start = System.nanoTime();
        client.request(HttpMethod.POST, PATH)
                .compose(req -> req.putHeader("Content-Type", "application/json").send(body)
                        .compose(resp -> resp.body().map(b -> resp.statusCode())))
                .onComplete(ar -> {
                    result.record(System.nanoTime() - start, ar.succeeded() && ar.result() == 202);
                    loop(client, bodies, next, deadline, result, done);
                });
    }

    private static List<Buffer> bodies(int count, int perBody) {
        List<Buffer> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ArrayNode batch = Json.mapper().createArrayNode();
            for (int j = 0; j < perBody; j++) {
                batch.add(Json.mapper().createObjectNode()
                        .put("id", UUID.randomUUID().toString())
                        .put("measuredAt", java.time.OffsetDateTime.now().minusMinutes(5)
                                .toString())
                        .put("downloadMbps", 80 + j % 20).put("uploadMbps", 40.5)
                        .put("latencyMs", 9.0).put("operator", "VNPT")
                        .put("accessType", "FIXED_FIBER").put("tdpCode", "TDP-03"));
            }
            out.add(Buffer.buffer(perBody == 1 ? batch.get(0).toString() : batch.toString()));
        }
        return out;
    }

    private static String row(String endpoint, String body, int perRequest, Result r) {
        double rps = r.ok / r.seconds;
        return String.format("| %s | %s | %,.0f | %,.0f | %.1f | %.1f | %d |", endpoint, body,
                rps, rps * perRequest, r.percentile(0.50), r.percentile(0.99), r.failed);
    }

    private static <T> T join(Future<T> f) throws Exception {
        return f.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    }

    /** Latencies of one window; only touched on the load generator's event loop. */
    static final class Result {
        private long[] latencies = new long[1 << 16];
        private int count;
        long ok;
        long failed;
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
