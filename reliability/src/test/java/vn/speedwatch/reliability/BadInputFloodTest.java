package vn.speedwatch.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.speedwatch.collector.Collector;
import vn.speedwatch.kafka.EmbeddedKafkaBroker;

/**
 * A flood of malformed, hostile and oversized requests against a real collector and broker: the
 * answers are client errors only, nothing reaches the topic, and the service stays healthy.
 */
class BadInputFloodTest {

    private static final int CONCURRENCY = 64;
    private static final String NO_ANSWER = "no answer in 20 s";

    @TempDir Path kafkaDir;

    private Vertx vertx;
    private EmbeddedKafkaBroker broker;
    private Collector collector;
    private HttpClient client;

    @BeforeEach
    void start() throws Exception {
        vertx = Vertx.vertx();
        broker = EmbeddedKafkaBroker.start(kafkaDir, 0);
        broker.createTopic(Fixtures.TOPIC, 2);
        collector = join(Collector.start(vertx, Fixtures.config(broker.bootstrapServers(),
                Map.of("collector.request-timeout", "2s"))));
        client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true),
                new PoolOptions().setHttp1MaxSize(CONCURRENCY));
    }

    @AfterEach
    void stop() throws Exception {
        client.close();
        join(collector.close());
        broker.close();
        join(vertx.close());
    }

    @Test
    void hundredThousandBadRequestsGetOnlyClientErrorsAndLeaveTheTopicEmpty() throws Exception {
        flood(Results.size("reliability.flood.requests", 100_000), 200);
    }

    @Test
    @Tag("soak")
    void soakFlood() throws Exception {
        flood(Results.size("reliability.soak.flood.requests", 2_000_000),
                Results.size("reliability.soak.flood.raw", 5_000));
    }

    @Test
    void slowBodiesAreTimedOutAsClientErrorsNotServerErrors() throws Exception {
        Map<Integer, Integer> outcomes = new TreeMap<>();
        for (int i = 0; i < 3; i++) {
            int status = RawHttp.trickle(collector.port(), 400, Duration.ofMillis(300),
                    Duration.ofSeconds(10));
            outcomes.merge(status, 1, Integer::sum);
        }
        for (int i = 0; i < 3; i++) {
            int status = RawHttp.send(collector.port(), HeaderAbuse.unfinishedChunked(),
                    HeaderAbuse.BODY, Duration.ofSeconds(10));
            outcomes.merge(status, 1, Integer::sum);
        }
        Results.record("slow body (1 byte / 300 ms) and unfinished chunked body, request"
                + " timeout 2 s", "6 clients → " + outcomes + " (−1 = closed)");
        assertThat(outcomes.keySet()).as("answers to trickling clients")
                .allMatch(s -> s == RawHttp.CLOSED || (s >= 400 && s < 500));
    }

    @Test
    void oversizedBodyDoesNotStallTheConnection() {
        byte[] big = ("[" + "\"a\",".repeat(30_000) + "\"a\"]")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        String oversized = "POST /api/v1/measurements HTTP/1.1\r\nHost: localhost\r\n"
                + "Content-Type: application/json\r\nContent-Length: " + big.length + "\r\n\r\n";
        String next = "GET /health/live HTTP/1.1\r\nHost: localhost\r\n\r\n";
        RawHttp.Answers answers = RawHttp.keepAlive(collector.port(), oversized, big, next,
                Duration.ofSeconds(10));
        Results.record("120 kB body (limit 64 kB) then a second request on the same connection",
                "statuses " + answers.statuses() + ", connection "
                        + (answers.closed() ? "closed" : "left open"));
        assertThat(answers.statuses()).as("first answer").startsWith(413);
        assertThat(answers.closed() || answers.statuses().size() == 2)
                .as("the connection is either closed after the 413 or answers the next request"
                        + " (got " + answers + ")").isTrue();
    }

    private void flood(int requests, int rawPerKind) throws Exception {
        Topic topic = new Topic(broker.bootstrapServers());
        long offsetsBefore = topic.endOffsetSum();
        Map<String, LongAdder> outcomes = new ConcurrentHashMap<>();
        long start = System.nanoTime();
        Queue<BadRequests.Bad> unanswered = new ConcurrentLinkedQueue<>();
        sendAll(requests, outcomes, unanswered);
        long httpMillis = (System.nanoTime() - start) / 1_000_000;
        rawAbuse(rawPerKind, outcomes);
        long totalMillis = (System.nanoTime() - start) / 1_000_000;
        Map<String, Long> retried = retryOnFreshConnections(unanswered);

        System.out.println("Flood outcomes by kind: " + new TreeMap<>(outcomes));
        Map<String, Long> byStatus = new TreeMap<>();
        outcomes.forEach((k, v) -> byStatus.merge(k.substring(k.indexOf('|') + 1),
                v.sum(), Long::sum));
        Results.record("bad-input flood", requests + " client requests in " + httpMillis
                + " ms + " + rawPerKind + " × 8 raw-socket abuses; total " + totalMillis
                + " ms; statuses " + byStatus + "; unanswered, sent again on a new connection: "
                + retried + "; topic offsets " + offsetsBefore + " → " + topic.endOffsetSum());
        assertThat(outcomes.keySet()).as("kind and outcome of every bad request")
                .allMatch(k -> k.endsWith("|closed") || k.endsWith("|" + NO_ANSWER)
                        || k.matches(".*\\|4\\d\\d"));
        // Open item (docs/reliability.md): a few requests in 100 000, of every kind alike, get no
        // answer on the pooled keep-alive connections, never a wrong one. The server must still
        // answer each of them with a client error when it is sent again on a new connection: a
        // request the server hangs on would hang again.
        assertThat(byStatus.getOrDefault(NO_ANSWER, 0L)).as("requests without an answer")
                .isLessThanOrEqualTo(requests / 500);
        assertThat(retried.keySet()).as("statuses of the unanswered requests sent again")
                .allMatch(status -> status.matches("4\\d\\d"));
        assertThat(topic.endOffsetSum()).as("records on the topic").isEqualTo(offsetsBefore);
        assertStillHealthy();
    }

    private void sendAll(int requests, Map<String, LongAdder> outcomes,
            Queue<BadRequests.Bad> unanswered) throws Exception {
        Semaphore inFlight = new Semaphore(CONCURRENCY);
        for (int i = 0; i < requests; i++) {
            BadRequests.Bad bad = BadRequests.nth(i);
            inFlight.acquire();
            send(bad).timeout(20, TimeUnit.SECONDS).onComplete(r -> {
                String outcome = r.succeeded() ? String.valueOf(r.result())
                        : r.cause() instanceof java.util.concurrent.TimeoutException
                        ? NO_ANSWER : "closed";
                if (outcome.equals(NO_ANSWER)) {
                    unanswered.add(bad);
                }
                outcomes.computeIfAbsent(bad.kind() + "|" + outcome, k -> new LongAdder())
                        .increment();
                inFlight.release();
            });
        }
        assertThat(inFlight.tryAcquire(CONCURRENCY, 60, TimeUnit.SECONDS))
                .as("every request answered or failed").isTrue();
    }

    /** Each request sent again, one at a time, without keep-alive; statuses counted. */
    private Map<String, Long> retryOnFreshConnections(Queue<BadRequests.Bad> bads)
            throws Exception {
        HttpClient fresh = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(false));
        try {
            Map<String, Long> statuses = new TreeMap<>();
            for (BadRequests.Bad bad : bads) {
                Future<Integer> answer = send(fresh, bad).timeout(20, TimeUnit.SECONDS)
                        .recover(e -> Future.succeededFuture(-1));
                statuses.merge(String.valueOf(join(answer)), 1L, Long::sum);
            }
            return statuses;
        } finally {
            fresh.close();
        }
    }

    private Future<Integer> send(BadRequests.Bad bad) {
        return send(client, bad);
    }

    private Future<Integer> send(HttpClient via, BadRequests.Bad bad) {
        RequestOptions o = new RequestOptions().setMethod(HttpMethod.POST).setHost("127.0.0.1")
                .setPort(collector.port()).setURI(bad.path()).setIdleTimeout(15_000);
        if (bad.contentType() != null) {
            o.putHeader("Content-Type", bad.contentType());
        }
        if (bad.apiKey() != null) {
            o.putHeader("X-Api-Key", bad.apiKey());
        }
        return via.request(o).compose(req -> req.send(bad.body()))
                .compose(resp -> resp.body().map(b -> resp.statusCode()));
    }

    /** Header abuse a client library will not send, over plain sockets, a few at a time. */
    private void rawAbuse(int perKind, Map<String, LongAdder> outcomes) throws Exception {
        Map<String, String> heads = HeaderAbuse.heads();
        var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            for (Map.Entry<String, String> kind : heads.entrySet()) {
                for (int i = 0; i < perKind; i++) {
                    pool.submit(() -> {
                        int status = RawHttp.send(collector.port(), kind.getValue(),
                                HeaderAbuse.BODY, Duration.ofSeconds(10));
                        String outcome = status == RawHttp.CLOSED ? "closed"
                                : String.valueOf(status);
                        outcomes.computeIfAbsent(kind.getKey() + "|" + outcome,
                                k -> new LongAdder()).increment();
                    });
                }
            }
        } finally {
            pool.shutdown();
            assertThat(pool.awaitTermination(120, TimeUnit.SECONDS)).isTrue();
        }
    }

    private void assertStillHealthy() throws Exception {
        RequestOptions ready = new RequestOptions().setMethod(HttpMethod.GET).setHost("127.0.0.1")
                .setPort(collector.port()).setURI("/health/ready");
        int readyStatus = join(client.request(ready).compose(r -> r.send())
                .map(r -> r.statusCode()));
        assertThat(readyStatus).as("/health/ready after the flood").isEqualTo(200);
        BadRequests.Bad valid = new BadRequests.Bad("valid", "/api/v1/measurements",
                "application/json", null, Buffer.buffer(Fixtures.measurement(77.0).toString()));
        assertThat(join(send(valid))).as("a valid post after the flood").isEqualTo(202);
    }

    static <T> T join(Future<T> f) throws Exception {
        return f.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    }
}
