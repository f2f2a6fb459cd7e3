package vn.speedwatch.collector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static vn.speedwatch.collector.Fixtures.measurement;
import static vn.speedwatch.collector.Http.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import vn.speedwatch.kafka.EmbeddedKafkaBroker;
import vn.speedwatch.model.Json;
import vn.speedwatch.model.Measurement;
import vn.speedwatch.model.MeasurementEvent;

@ExtendWith(VertxExtension.class)
class CollectorApiTest {

    private static final String NDJSON = "application/x-ndjson";
    private static final String RESIDENT_PAGE = "https://dokiemtra.thuynguyen.example";

    @TempDir static Path kafkaDir;
    static EmbeddedKafkaBroker broker;
    static Collector collector;
    static Http http;
    static TopicReader topic;

    @BeforeAll
    static void start(Vertx vertx, VertxTestContext ctx) {
        broker = EmbeddedKafkaBroker.start(kafkaDir, 0);
        broker.createTopic(Fixtures.TOPIC, 2);
        topic = new TopicReader(broker.bootstrapServers(), Fixtures.TOPIC);
        Collector.start(
                        vertx,
                        Fixtures.config(
                                broker.bootstrapServers(),
                                Map.of("collector.cors-origins", RESIDENT_PAGE)))
                .onComplete(
                        ctx.succeeding(
                                c -> {
                                    collector = c;
                                    http = new Http(vertx, c.port());
                                    ctx.completeNow();
                                }));
    }

    @AfterAll
    static void stop(VertxTestContext ctx) {
        http.close();
        collector
                .close()
                .onComplete(
                        ctx.succeeding(
                                v -> {
                                    broker.close();
                                    ctx.completeNow();
                                }));
    }

    @Test
    void acceptsOneMeasurementOnlyOnceKafkaHasItAndPublishesTheParsedFields() throws Exception {
        ObjectNode sent = measurement(87.25);
        UUID id = UUID.fromString(sent.get("id").asText());

        HttpResponse<Buffer> r = http.postJson(sent.toString());

        assertThat(r.statusCode()).isEqualTo(202);
        JsonNode item = json(r).get("items").get(0);
        assertThat(item.get("status").asText()).isEqualTo("accepted");
        assertThat(item.get("id").asText()).isEqualTo(id.toString());
        assertThat(item.get("receipt").asText()).startsWith(receiptPrefix(id));
        MeasurementEvent event = eventsFor(id).get(0);
        Measurement expected = Json.mapper().treeToValue(sent, Measurement.class);
        assertThat(event.type()).isEqualTo(MeasurementEvent.Type.MEASUREMENT);
        assertThat(event.measurement()).usingRecursiveComparison().isEqualTo(expected);
        assertThat(event.receivedAt()).isNotNull();
        assertThat(event.clientHash()).hasSize(22).doesNotContain("127.0.0.1");
        assertThat(event.apiKeyId()).isNull();
    }

    @Test
    void acceptsABatchAndNdjsonAndTagsTrustedProbes() {
        ArrayNode batch =
                Json.mapper()
                        .createArrayNode()
                        .add(measurement(10))
                        .add(measurement(20))
                        .add(measurement(30));
        HttpResponse<Buffer> r = http.postJson(batch.toString());
        assertThat(r.statusCode()).isEqualTo(202);
        assertThat(json(r).get("accepted").asInt()).isEqualTo(3);

        String lines = measurement(40) + "\n\n" + measurement(50) + "\n";
        HttpResponse<Buffer> nd =
                Http.await(
                        http.prepare(HttpMethod.POST, "/api/v1/measurements")
                                .putHeader("Content-Type", NDJSON + "; charset=utf-8")
                                .putHeader("X-Api-Key", Fixtures.PROBE_KEY)
                                .sendBuffer(Buffer.buffer(lines)));
        assertThat(nd.statusCode()).isEqualTo(202);
        JsonNode items = json(nd).get("items");
        assertThat(items).hasSize(2);
        UUID second = UUID.fromString(items.get(1).get("id").asText());
        assertThat(eventsFor(second).get(0).apiKeyId()).isEqualTo("probe-07");
        assertThat(eventsFor(second).get(0).measurement().downloadMbps()).isEqualTo(50.0);
    }

    @Test
    void mixedBatchSaysPerItemWhatWasAcceptedAndWhy() {
        ObjectNode bad = measurement(12);
        bad.put("downloadMbps", -5);
        bad.remove("latencyMs");
        ObjectNode good = measurement(64);
        ArrayNode batch = Json.mapper().createArrayNode().add(good).add(bad).add("not an object");

        HttpResponse<Buffer> r = http.postJson(batch.toString());

        assertThat(r.statusCode()).isEqualTo(202);
        JsonNode body = json(r);
        assertThat(body.get("accepted").asInt()).isEqualTo(1);
        assertThat(body.get("rejected").asInt()).isEqualTo(2);
        JsonNode items = body.get("items");
        assertThat(items.get(0).get("status").asText()).isEqualTo("accepted");
        assertThat(items.get(1).get("status").asText()).isEqualTo("rejected");
        assertThat(pointers(items.get(1).get("errors")))
                .contains("/1/downloadMbps", "/1/latencyMs");
        assertThat(items.get(1).get("errors").get(0).get("messageVi").asText()).isNotBlank();
        assertThat(items.get(2).get("status").asText()).isEqualTo("rejected");
        assertThat(eventsFor(UUID.fromString(bad.get("id").asText()))).isEmpty();
    }

    @Test
    void nothingValidIsA422ProblemWithEveryViolationAndNoRecord() {
        long before = topic.endOffsetSum();
        ObjectNode bad = measurement(12);
        bad.put("downloadMbps", "fast");
        bad.put("measuredAt", "yesterday");

        HttpResponse<Buffer> r = http.postJson(bad.toString());

        assertProblem(r, 422);
        assertThat(pointers(json(r).get("errors"))).contains("/downloadMbps", "/measuredAt");
        assertThat(topic.endOffsetSum()).isEqualTo(before);
    }

    @Test
    void aRepostOfTheSameIdIsAcceptedAgainUnderTheSameKey() {
        ObjectNode sent = measurement(33);
        UUID id = UUID.fromString(sent.get("id").asText());

        assertThat(http.postJson(sent.toString()).statusCode()).isEqualTo(202);
        assertThat(http.postJson(sent.toString()).statusCode()).isEqualTo(202);

        List<Map.Entry<String, MeasurementEvent>> records =
                topic.all().stream().filter(e -> e.getKey().equals(id.toString())).toList();
        assertThat(records).hasSize(2);
        assertThat(records).allSatisfy(e -> assertThat(e.getValue().id()).isEqualTo(id));
    }

    @Test
    void aReceiptLooksUpAndErasesTheResidentsOwnResult() {
        ObjectNode sent = measurement(21);
        UUID id = UUID.fromString(sent.get("id").asText());
        String receipt =
                json(http.postJson(sent.toString())).get("items").get(0).get("receipt").asText();

        HttpResponse<Buffer> lookup =
                http.request(HttpMethod.GET, "/api/v1/measurements/" + receipt);
        assertThat(lookup.statusCode()).isEqualTo(200);
        assertThat(json(lookup).get("state").asText()).isEqualTo("PENDING");
        assertThat(json(lookup).get("stateKnown").asBoolean()).isFalse();

        HttpResponse<Buffer> erase =
                http.request(HttpMethod.DELETE, "/api/v1/measurements/" + receipt);
        assertThat(erase.statusCode()).isEqualTo(202);
        List<MeasurementEvent> events = eventsFor(id);
        assertThat(events)
                .extracting(MeasurementEvent::type)
                .containsExactly(MeasurementEvent.Type.MEASUREMENT, MeasurementEvent.Type.ERASURE);
        assertThat(events.get(1).measurement()).isNull();
    }

    @Test
    void aForgedReceiptIsNotFound() {
        UUID someoneElse = UUID.randomUUID();
        String forged = receiptPrefix(someoneElse) + ".AAAAAAAAAAAAAAAAAAAAAA";
        long before = topic.endOffsetSum();

        assertProblem(http.request(HttpMethod.GET, "/api/v1/measurements/" + forged), 404);
        assertProblem(http.request(HttpMethod.DELETE, "/api/v1/measurements/" + forged), 404);
        assertProblem(http.request(HttpMethod.GET, "/api/v1/measurements/garbage"), 404);
        assertThat(topic.endOffsetSum()).isEqualTo(before);
    }

    @Test
    void badRequestsGetPreciseProblemDocumentsAndNeverARecord() {
        long before = topic.endOffsetSum();
        String ok = measurement(5).toString();

        assertProblem(http.postJson("{\"id\": "), 400);
        assertProblem(http.postJson(ok + " trailing"), 400);
        assertProblem(http.post("/api/v1/measurements", "text/plain", ok), 415);
        assertProblem(http.post("/api/v1/measurements", null, ok), 415);
        assertProblem(http.postJson("x".repeat(70_000)), 413);
        assertProblem(http.postJson(batchOf(51)), 413);
        assertProblem(http.postJson("[]"), 422);
        assertProblem(http.post("/api/v1/measurements?format=excel", "application/json", ok), 400);
        assertProblem(http.request(HttpMethod.GET, "/api/v1/nothing-here"), 404);
        assertProblem(http.request(HttpMethod.PUT, "/api/v1/measurements"), 405);
        HttpResponse<Buffer> wrongKey =
                Http.await(
                        http.prepare(HttpMethod.POST, "/api/v1/measurements")
                                .putHeader("Content-Type", "application/json")
                                .putHeader("X-Api-Key", "guessed")
                                .sendBuffer(Buffer.buffer(ok)));
        assertProblem(wrongKey, 401);
        assertThat(topic.endOffsetSum()).isEqualTo(before);
    }

    @Test
    void theResidentPageOriginMayCallTheApiAndOthersMayNot() {
        HttpResponse<Buffer> ours =
                Http.await(
                        http.prepare(HttpMethod.OPTIONS, "/api/v1/measurements")
                                .putHeader("Origin", RESIDENT_PAGE)
                                .putHeader("Access-Control-Request-Method", "POST")
                                .putHeader("Access-Control-Request-Headers", "content-type")
                                .send());
        assertThat(ours.getHeader("Access-Control-Allow-Origin")).isEqualTo(RESIDENT_PAGE);

        HttpResponse<Buffer> theirs =
                Http.await(
                        http.prepare(HttpMethod.GET, "/health/live")
                                .putHeader("Origin", "https://evil.example")
                                .send());
        assertThat(theirs.getHeader("Access-Control-Allow-Origin")).isNull();
        assertProblem(theirs, 403);
    }

    @Test
    void anUntrustedPeerCannotChooseItsAddressWithForwardedFor() {
        ObjectNode first = measurement(7);
        ObjectNode second = measurement(8);
        for (ObjectNode m : List.of(first, second)) {
            String spoofed = m == first ? "1.1.1.1" : "8.8.8.8";
            Http.await(
                    http.prepare(HttpMethod.POST, "/api/v1/measurements")
                            .putHeader("Content-Type", "application/json")
                            .putHeader("X-Forwarded-For", spoofed)
                            .sendBuffer(Buffer.buffer(m.toString())));
        }
        String firstHash = eventsFor(UUID.fromString(first.get("id").asText())).get(0).clientHash();
        assertThat(eventsFor(UUID.fromString(second.get("id").asText())).get(0).clientHash())
                .isEqualTo(firstHash);
    }

    @Test
    void servesHealthMetricsAndTheOpenApiDocument() {
        assertThat(http.request(HttpMethod.GET, "/health/live").statusCode()).isEqualTo(200);
        HttpResponse<Buffer> ready = http.request(HttpMethod.GET, "/health/ready");
        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(json(ready).get("kafka").asText()).isEqualTo("UP");
        http.postJson(measurement(1).toString());

        String metrics = http.request(HttpMethod.GET, "/metrics").bodyAsString();

        assertThat(metrics)
                .contains(
                        CollectorMetrics.ACCEPTED_PROM,
                        CollectorMetrics.KAFKA_SEND_PROM + "_bucket",
                        CollectorMetrics.IN_FLIGHT_PROM,
                        CollectorMetrics.HTTP_REQUESTS_PROM + "{route=\"/api/v1/measurements\"");
        HttpResponse<Buffer> spec = http.request(HttpMethod.GET, "/api/v1/openapi.yaml");
        assertThat(spec.statusCode()).isEqualTo(200);
        assertThat(spec.bodyAsString()).startsWith("openapi: 3.1");
    }

    @Test
    void aThirdPartyResultGoesThroughItsAdapterAndTheSameValidation() throws Exception {
        String ookla =
                new String(
                        CollectorApiTest.class
                                .getResourceAsStream("/adapters/ookla-result.json")
                                .readAllBytes(),
                        java.nio.charset.StandardCharsets.UTF_8);

        HttpResponse<Buffer> r =
                http.post("/api/v1/measurements?format=ookla", "application/json", ookla);

        assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(202);
        UUID id = UUID.fromString(json(r).get("items").get(0).get("id").asText());
        MeasurementEvent event = eventsFor(id).get(0);
        assertThat(event.measurement().downloadMbps()).isCloseTo(94.1, within(0.1));
        assertThat(Json.mapper().writeValueAsString(event))
                .doesNotContain("27.72.101.46", "3C:22:FB:8A:41:0E", "192.168.1.23");

        HttpResponse<Buffer> wrong =
                http.post(
                        "/api/v1/measurements?format=ookla",
                        "application/json",
                        "{\"type\":\"result\"}");
        assertProblem(wrong, 422);
        assertThat(json(wrong).get("errors")).isNotEmpty();
    }

    @Test
    void everyRouteIsInTheOpenApiDocumentAndEveryDocumentedOperationIsRouted() throws Exception {
        JsonNode spec =
                new com.fasterxml.jackson.databind.ObjectMapper(
                                new com.fasterxml.jackson.dataformat.yaml.YAMLFactory())
                        .readTree(
                                http.request(HttpMethod.GET, "/api/v1/openapi.yaml")
                                        .bodyAsString());
        java.util.Set<String> routed = new java.util.TreeSet<>();
        for (io.vertx.ext.web.Route route : collector.routes()) {
            String path = route.getPath();
            if (path == null || path.endsWith("*") || path.equals("/") || route.methods() == null) {
                continue; // cross-cutting handlers, and the static pages on "/*"
            }
            String templated = path.replaceAll(":(\\w+)", "{$1}");
            route.methods().forEach(m -> routed.add(m.name().toLowerCase() + " " + templated));
        }
        java.util.Set<String> documented = new java.util.TreeSet<>();
        spec.get("paths")
                .fields()
                .forEachRemaining(
                        p ->
                                p.getValue()
                                        .fieldNames()
                                        .forEachRemaining(
                                                m -> {
                                                    if (!m.equals("parameters")) {
                                                        documented.add(m + " " + p.getKey());
                                                    }
                                                }));
        assertThat(spec.get("openapi").asText()).isEqualTo("3.1.0");
        assertThat(routed).isNotEmpty().isEqualTo(documented);
    }

    private static void assertProblem(HttpResponse<Buffer> r, int status) {
        assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(status);
        assertThat(r.getHeader("Content-Type")).startsWith("application/problem+json");
        JsonNode p = json(r);
        assertThat(p.get("status").asInt()).isEqualTo(status);
        assertThat(p.get("type").asText()).startsWith("urn:speedwatch:problem:");
        assertThat(p.get("title").asText()).isNotBlank();
        assertThat(p.get("titleEn").asText()).isNotBlank();
    }

    private static String batchOf(int n) {
        ArrayNode a = Json.mapper().createArrayNode();
        for (int i = 0; i < n; i++) {
            a.add(measurement(i + 1));
        }
        return a.toString();
    }

    private static List<String> pointers(JsonNode errors) {
        return java.util.stream.StreamSupport.stream(errors.spliterator(), false)
                .map(e -> e.get("pointer").asText())
                .collect(Collectors.toList());
    }

    private static List<MeasurementEvent> eventsFor(UUID id) {
        return topic.all().stream()
                .filter(e -> e.getKey().equals(id.toString()))
                .map(Map.Entry::getValue)
                .toList();
    }

    private static String receiptPrefix(UUID id) {
        java.nio.ByteBuffer b =
                java.nio.ByteBuffer.allocate(16)
                        .putLong(id.getMostSignificantBits())
                        .putLong(id.getLeastSignificantBits());
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(b.array());
    }
}
