package vn.speedwatch.collector;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Vertx;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.lifecycle.BeforeProperty;
import vn.speedwatch.kafka.EmbeddedKafkaBroker;
import vn.speedwatch.model.Json;

/**
 * Hostile bodies: whatever arrives, the answer is a 4xx problem document, never a 5xx, and nothing
 * reaches the topic (its end offsets do not move).
 */
class CollectorFuzzTest {

    private static final String[] REQUIRED = {
        "id", "measuredAt", "downloadMbps", "uploadMbps", "latencyMs"
    };

    static Path kafkaDir;
    static EmbeddedKafkaBroker broker;
    static Vertx vertx;
    static Collector collector;
    static TopicReader topic;
    static HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private long offsetsBefore;

    @BeforeContainer
    static void start() throws Exception {
        kafkaDir = Files.createTempDirectory("fuzz-kafka");
        broker = EmbeddedKafkaBroker.start(kafkaDir, 0);
        broker.createTopic(Fixtures.TOPIC, 2);
        topic = new TopicReader(broker.bootstrapServers(), Fixtures.TOPIC);
        vertx = Vertx.vertx();
        collector =
                Collector.start(
                                vertx,
                                Fixtures.config(
                                        broker.bootstrapServers(),
                                        Map.of(
                                                "collector.rate-per-second",
                                                "1000000",
                                                "collector.burst",
                                                "1000000")))
                        .toCompletionStage()
                        .toCompletableFuture()
                        .get(60, TimeUnit.SECONDS);
    }

    @AfterContainer
    static void stop() throws Exception {
        collector.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        broker.close();
    }

    @BeforeProperty
    void rememberOffsets() {
        offsetsBefore = topic.endOffsetSum();
    }

    @AfterProperty
    void nothingReachedTheTopic() {
        assertThat(topic.endOffsetSum()).isEqualTo(offsetsBefore);
    }

    @Property(tries = 2500)
    void hostileBodiesAlwaysGetA4xxProblem(
            @ForAll("hostileBodies") byte[] body, @ForAll("mediaTypes") String mediaType)
            throws Exception {
        assertIs4xxProblem(post(body, mediaType));
    }

    /** The long run; {@code mvn -Psoak verify} includes it. */
    @Property(tries = 30_000)
    @net.jqwik.api.Tag("soak")
    void manyMoreHostileBodiesAlwaysGetA4xxProblem(
            @ForAll("hostileBodies") byte[] body, @ForAll("mediaTypes") String mediaType)
            throws Exception {
        assertIs4xxProblem(post(body, mediaType));
    }

    @Example
    void aTenMegabyteBodyIsRefusedAsTooLarge() throws Exception {
        byte[] body = new byte[10 * 1024 * 1024];
        Arrays.fill(body, (byte) ' ');
        body[0] = '[';
        HttpResponse<String> r = post(body, "application/json");
        assertIs4xxProblem(r);
        assertThat(r.statusCode()).isEqualTo(413);
    }

    @Provide
    Arbitrary<String> mediaTypes() {
        return Arbitraries.of(
                "application/json", "application/x-ndjson", "application/json; charset=utf-8");
    }

    @Provide
    Arbitrary<byte[]> hostileBodies() {
        return Arbitraries.oneOf(
                truncated(),
                wrongTypes(),
                hugeNumbers(),
                notANumber(),
                deepNesting(),
                invalidUtf8(),
                randomBytes(),
                oversized());
    }

    private Arbitrary<byte[]> truncated() {
        return Arbitraries.integers()
                .between(0, 200)
                .map(
                        cut -> {
                            String valid = Fixtures.measurement(50).toString();
                            return bytes(valid.substring(0, Math.min(cut, valid.length() - 1)));
                        });
    }

    private Arbitrary<byte[]> wrongTypes() {
        Arbitrary<String> values =
                Arbitraries.oneOf(
                        Arbitraries.strings()
                                .ofMaxLength(20)
                                .map(s -> Json.mapper().valueToTree(s).toString()),
                        Arbitraries.of("true", "false", "null", "[]", "{}", "[1,2]", "{\"x\":1}"));
        return Combinators.combine(Arbitraries.of(REQUIRED), values)
                .as(
                        (field, value) -> {
                            ObjectNode m = Fixtures.measurement(50);
                            String json = m.toString();
                            String old = "\"" + field + "\":" + m.get(field).toString();
                            return bytes(json.replace(old, "\"" + field + "\":" + value));
                        });
    }

    private Arbitrary<byte[]> hugeNumbers() {
        Arbitrary<String> huge =
                Arbitraries.oneOf(
                        Arbitraries.integers().between(309, 99_999).map(e -> "1e" + e),
                        Arbitraries.integers().between(309, 99_999).map(e -> "-9.5E" + e),
                        Arbitraries.integers().between(65, 5_000).map("9"::repeat));
        return Combinators.combine(Arbitraries.of("downloadMbps", "uploadMbps", "latencyMs"), huge)
                .as((field, number) -> withRaw(field, number));
    }

    private Arbitrary<byte[]> notANumber() {
        return Combinators.combine(
                        Arbitraries.of("downloadMbps", "uploadMbps", "latencyMs"),
                        Arbitraries.of(
                                "NaN", "Infinity", "-Infinity", "+1", "0x10", ".5", "1.", "01"))
                .as(this::withRaw);
    }

    private Arbitrary<byte[]> deepNesting() {
        return Combinators.combine(
                        Arbitraries.integers().between(17, 20_000), Arbitraries.of("[", "{\"a\":"))
                .as(
                        (depth, open) -> {
                            String close = open.equals("[") ? "]" : "}";
                            return bytes(open.repeat(depth) + "1" + close.repeat(depth));
                        });
    }

    private Arbitrary<byte[]> invalidUtf8() {
        return Combinators.combine(
                        Arbitraries.integers().between(1, 150),
                        Arbitraries.of(
                                new byte[] {(byte) 0xC3, 0x28},
                                new byte[] {(byte) 0xFF},
                                new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
                                new byte[] {(byte) 0xC0, (byte) 0xAF}))
                .as(
                        (at, bad) -> {
                            byte[] valid =
                                    bytes(
                                            Fixtures.measurement(50)
                                                    .put("note", "xin chào")
                                                    .toString());
                            int pos = Math.min(at, valid.length - 1);
                            byte[] out = new byte[valid.length + bad.length];
                            System.arraycopy(valid, 0, out, 0, pos);
                            System.arraycopy(bad, 0, out, pos, bad.length);
                            System.arraycopy(valid, pos, out, pos + bad.length, valid.length - pos);
                            return out;
                        });
    }

    private Arbitrary<byte[]> randomBytes() {
        return Arbitraries.bytes().array(byte[].class).ofMinSize(0).ofMaxSize(300);
    }

    private Arbitrary<byte[]> oversized() {
        return Arbitraries.integers()
                .between(65_537, 300_000)
                .map(
                        n -> {
                            byte[] b = new byte[n];
                            Arrays.fill(b, (byte) '1');
                            return b;
                        });
    }

    private byte[] withRaw(String field, String rawNumber) {
        ObjectNode m = Fixtures.measurement(50);
        String old = "\"" + field + "\":" + m.get(field).toString();
        return bytes(m.toString().replace(old, "\"" + field + "\":" + rawNumber));
    }

    private static HttpResponse<String> post(byte[] body, String mediaType) throws Exception {
        HttpRequest request =
                HttpRequest.newBuilder(
                                URI.create(
                                        "http://127.0.0.1:"
                                                + collector.port()
                                                + "/api/v1/measurements"))
                        .header("Content-Type", mediaType)
                        .timeout(Duration.ofSeconds(30))
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                        .build();
        return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static void assertIs4xxProblem(HttpResponse<String> r) throws Exception {
        assertThat(r.statusCode()).as(r.body()).isBetween(400, 499);
        assertThat(r.headers().firstValue("Content-Type"))
                .get()
                .asString()
                .startsWith("application/problem+json");
        JsonNode problem = Json.mapper().readTree(r.body());
        assertThat(problem.get("status").asInt()).isEqualTo(r.statusCode());
        assertThat(problem.has("errors") || r.statusCode() == 413).as(r.body()).isTrue();
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
