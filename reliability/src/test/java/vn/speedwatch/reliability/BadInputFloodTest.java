package vn.speedwatch.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.Counter;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.speedwatch.collector.Collector;
import vn.speedwatch.collector.CollectorMetrics;
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

    @BeforeEach
    void start() throws Exception {
        vertx = Vertx.vertx();
        broker = EmbeddedKafkaBroker.start(kafkaDir, 0);
        broker.createTopic(Fixtures.TOPIC, 2);
        collector =
                join(
                        Collector.start(
                                vertx,
                                Fixtures.config(
                                        broker.bootstrapServers(),
                                        Map.of("collector.request-timeout", "2s"))));
    }

    @AfterEach
    void stop() throws Exception {
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
        flood(
                Results.size("reliability.soak.flood.requests", 2_000_000),
                Results.size("reliability.soak.flood.raw", 5_000));
    }

    @Test
    void slowBodiesAreTimedOutAsClientErrorsNotServerErrors() throws Exception {
        Map<Integer, Integer> outcomes = new TreeMap<>();
        for (int i = 0; i < 3; i++) {
            int status =
                    RawHttp.trickle(
                            collector.port(), 400, Duration.ofMillis(300), Duration.ofSeconds(10));
            outcomes.merge(status, 1, Integer::sum);
        }
        for (int i = 0; i < 3; i++) {
            int status =
                    RawHttp.send(
                            collector.port(),
                            HeaderAbuse.unfinishedChunked(),
                            HeaderAbuse.BODY,
                            Duration.ofSeconds(10));
            outcomes.merge(status, 1, Integer::sum);
        }
        Results.record(
                "slow body (1 byte / 300 ms) and unfinished chunked body, request" + " timeout 2 s",
                "6 clients → " + outcomes + " (−1 = closed)");
        assertThat(outcomes.keySet())
                .as("answers to trickling clients")
                .allMatch(s -> s == RawHttp.CLOSED || (s >= 400 && s < 500));
    }

    @Test
    void oversizedBodyDoesNotStallTheConnection() {
        byte[] big =
                ("[" + "\"a\",".repeat(30_000) + "\"a\"]")
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        String oversized =
                "POST /api/v1/measurements HTTP/1.1\r\nHost: localhost\r\n"
                        + "Content-Type: application/json\r\nContent-Length: "
                        + big.length
                        + "\r\n\r\n";
        String next = "GET /health/live HTTP/1.1\r\nHost: localhost\r\n\r\n";
        RawHttp.Answers answers =
                RawHttp.keepAlive(collector.port(), oversized, big, next, Duration.ofSeconds(10));
        Results.record(
                "120 kB body (limit 64 kB) then a second request on the same connection",
                "statuses "
                        + answers.statuses()
                        + ", connection "
                        + (answers.closed() ? "closed" : "left open"));
        assertThat(answers.statuses()).as("first answer").startsWith(413);
        assertThat(answers.closed() || answers.statuses().size() == 2)
                .as(
                        "the connection is either closed after the 413 or answers the next request"
                                + " (got "
                                + answers
                                + ")")
                .isTrue();
    }

    private void flood(int requests, int rawPerKind) throws Exception {
        Topic topic = new Topic(broker.bootstrapServers());
        long offsetsBefore = topic.endOffsetSum();
        Map<String, LongAdder> outcomes = new ConcurrentHashMap<>();
        long answeredBefore = answeredByServer();
        long start = System.nanoTime();
        Queue<String> unanswered = new ConcurrentLinkedQueue<>();
        int sockets = sendAll(requests, outcomes, unanswered);
        long httpMillis = (System.nanoTime() - start) / 1_000_000;
        // The server counts an answer when it has written it, a moment after the client may
        // have read it.
        await().atMost(Duration.ofSeconds(10))
                .until(() -> answeredByServer() - answeredBefore >= requests);
        long answered = answeredByServer() - answeredBefore;
        rawAbuse(rawPerKind, outcomes);
        long totalMillis = (System.nanoTime() - start) / 1_000_000;

        System.out.println("Flood outcomes by kind: " + new TreeMap<>(outcomes));
        Map<String, Long> byStatus = new TreeMap<>();
        outcomes.forEach(
                (k, v) -> byStatus.merge(k.substring(k.indexOf('|') + 1), v.sum(), Long::sum));
        Results.record(
                "bad-input flood",
                requests
                        + " requests on "
                        + CONCURRENCY
                        + " keep-alive connections ("
                        + sockets
                        + " sockets opened) in "
                        + httpMillis
                        + " ms, "
                        + answered
                        + " answers written by the server; + "
                        + rawPerKind
                        + " × 8 raw-socket abuses; total "
                        + totalMillis
                        + " ms; statuses "
                        + byStatus
                        + "; without a first answer: "
                        + unanswered.size()
                        + " "
                        + unanswered
                        + "; topic offsets "
                        + offsetsBefore
                        + " → "
                        + topic.endOffsetSum());
        assertThat(outcomes.keySet())
                .as("kind and outcome of every bad request")
                .allMatch(k -> k.endsWith("|closed") || k.matches(".*\\|4\\d\\d"));
        assertThat(unanswered)
                .as(
                        "requests without a first answer on their keep-alive"
                                + " connection (kind, and the request before it on that connection)")
                .isEmpty();
        assertThat(answered).as("answers the server wrote").isEqualTo(requests);
        assertThat(topic.endOffsetSum()).as("records on the topic").isEqualTo(offsetsBefore);
        assertStillHealthy();
    }

    /**
     * Sends every request on {@link #CONCURRENCY} persistent connections, one request at a time per
     * connection, as a keep-alive client pool does. A plain-socket client rather than Vert.x's
     * pooled {@code HttpClient}: with that client a few requests in 100 000 never got an answer
     * although the server had written one for every request (docs/reliability.md, open item closed
     * on 2026-11-27).
     */
    private int sendAll(int requests, Map<String, LongAdder> outcomes, Queue<String> unanswered)
            throws Exception {
        AtomicInteger next = new AtomicInteger();
        LongAdder sockets = new LongAdder();
        ExecutorService pool = Executors.newFixedThreadPool(CONCURRENCY);
        for (int t = 0; t < CONCURRENCY; t++) {
            pool.submit(
                    () -> {
                        String before = "none";
                        try (KeepAliveConnection c =
                                new KeepAliveConnection(collector.port(), Duration.ofSeconds(20))) {
                            for (int i = next.getAndIncrement();
                                    i < requests;
                                    i = next.getAndIncrement()) {
                                BadRequests.Bad bad = BadRequests.nth(i);
                                int status =
                                        c.exchange(
                                                "POST",
                                                bad.path(),
                                                bad.contentType(),
                                                bad.apiKey(),
                                                bad.body().getBytes());
                                String outcome =
                                        status == KeepAliveConnection.SILENT
                                                ? NO_ANSWER
                                                : status == KeepAliveConnection.CLOSED
                                                        ? "closed"
                                                        : String.valueOf(status);
                                if (status < 0) {
                                    unanswered.add(
                                            "#"
                                                    + i
                                                    + " "
                                                    + bad.kind()
                                                    + " → "
                                                    + outcome
                                                    + " (after "
                                                    + before
                                                    + ")");
                                }
                                before = bad.kind() + " " + outcome;
                                outcomes.computeIfAbsent(
                                                bad.kind() + "|" + outcome, k -> new LongAdder())
                                        .increment();
                            }
                            sockets.add(c.socketsOpened());
                        }
                    });
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(30, TimeUnit.MINUTES)).as("flood finished").isTrue();
        return sockets.intValue();
    }

    /** Answers the collector has written, by its own per-route counter. */
    private long answeredByServer() {
        return (long)
                collector.registry().find(CollectorMetrics.HTTP_REQUESTS).counters().stream()
                        .mapToDouble(Counter::count)
                        .sum();
    }

    /** Header abuse a client library will not send, over plain sockets, a few at a time. */
    private void rawAbuse(int perKind, Map<String, LongAdder> outcomes) throws Exception {
        Map<String, String> heads = HeaderAbuse.heads();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            for (Map.Entry<String, String> kind : heads.entrySet()) {
                for (int i = 0; i < perKind; i++) {
                    pool.submit(
                            () -> {
                                int status =
                                        RawHttp.send(
                                                collector.port(),
                                                kind.getValue(),
                                                HeaderAbuse.BODY,
                                                Duration.ofSeconds(10));
                                String outcome =
                                        status == RawHttp.CLOSED
                                                ? "closed"
                                                : String.valueOf(status);
                                outcomes.computeIfAbsent(
                                                kind.getKey() + "|" + outcome, k -> new LongAdder())
                                        .increment();
                            });
                }
            }
        } finally {
            pool.shutdown();
            assertThat(pool.awaitTermination(120, TimeUnit.SECONDS)).isTrue();
        }
    }

    private void assertStillHealthy() {
        try (KeepAliveConnection c =
                new KeepAliveConnection(collector.port(), Duration.ofSeconds(20))) {
            assertThat(c.exchange("GET", "/health/ready", null, null, new byte[0]))
                    .as("/health/ready after the flood")
                    .isEqualTo(200);
            assertThat(
                            c.exchange(
                                    "POST",
                                    "/api/v1/measurements",
                                    "application/json",
                                    null,
                                    Fixtures.measurement(77.0)
                                            .toString()
                                            .getBytes(StandardCharsets.UTF_8)))
                    .as("a valid post after the flood")
                    .isEqualTo(202);
        }
    }

    static <T> T join(Future<T> f) throws Exception {
        return f.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    }
}
