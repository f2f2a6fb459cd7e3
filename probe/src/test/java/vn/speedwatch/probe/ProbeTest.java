package vn.speedwatch.probe;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.speedwatch.collector.Collector;
import vn.speedwatch.collector.config.CollectorConfig;
import vn.speedwatch.collector.protect.ApiKeys;
import vn.speedwatch.collector.protect.ClientAddressResolver;
import vn.speedwatch.collector.protect.ClientHasher;
import vn.speedwatch.collector.speedtest.SpeedTestConfig;
import vn.speedwatch.collector.speedtest.SpeedTestRoutes;
import vn.speedwatch.kafka.EmbeddedKafkaBroker;
import vn.speedwatch.model.AccessType;
import vn.speedwatch.model.ClientKind;
import vn.speedwatch.model.Json;
import vn.speedwatch.model.MeasurementEvent;
import vn.speedwatch.model.Settings;

/** The probe against a real collector, broker and speed-test server, online and offline. */
class ProbeTest {

    static final String TOPIC = "speedwatch.measurements";
    static final String KEY = "cultural-house-07-secret";

    @TempDir static Path kafkaDir;
    static EmbeddedKafkaBroker broker;
    static Vertx vertx;
    static Collector collector;
    static int speedTestPort;

    @BeforeAll
    static void start() {
        broker = EmbeddedKafkaBroker.start(kafkaDir, 0);
        broker.createTopic(TOPIC, 1);
        vertx = Vertx.vertx();
        Map<String, String> s = new HashMap<>();
        s.put("http.host", "127.0.0.1");
        s.put("http.port", "0");
        s.put("kafka.bootstrap-servers", broker.bootstrapServers());
        s.put("collector.api-keys", "house-07:" + ApiKeys.hashOf(KEY));
        s.put("receipt.secret", "r");
        s.put("privacy.ip-hash-secret", "i");
        collector = Collector.start(vertx, CollectorConfig.from(Settings.of(s))).await();
        speedTestPort = speedTestServer(SpeedTestConfig.defaults());
    }

    /** A speed-test server of its own (its own per-client rate limiter); returns its port. */
    private static int speedTestServer(SpeedTestConfig config) {
        Router router = Router.router(vertx);
        SpeedTestRoutes.create(
                        config,
                        new ClientAddressResolver(List.of()),
                        new ClientHasher("t".getBytes(), Optional.empty()),
                        Optional.empty())
                .mount(router);
        return vertx.createHttpServer()
                .requestHandler(router)
                .listen(0, "127.0.0.1")
                .await()
                .actualPort();
    }

    @AfterAll
    static void stop() {
        collector.close().await();
        vertx.close().await();
        broker.close();
    }

    @Test
    void aRoundMeasuresAndPublishesAPublicWifiResultForTheHousesTdp(@TempDir Path spool)
            throws Exception {
        Probe probe = new Probe(config(collector.port(), spool));

        assertThat(probe.runOnce()).isEqualTo(1);

        assertThat(Files.list(spool).filter(p -> p.toString().endsWith(".json"))).isEmpty();
        MeasurementEvent e = events().get(events().size() - 1);
        assertThat(e.apiKeyId()).isEqualTo("house-07");
        assertThat(e.measurement().client()).isEqualTo(ClientKind.PROBE);
        assertThat(e.measurement().accessType()).isEqualTo(AccessType.PUBLIC_WIFI);
        assertThat(e.measurement().tdpCode()).isEqualTo("TDP-07");
        assertThat(e.measurement().downloadMbps()).isPositive();
        assertThat(e.measurement().uploadMbps()).isPositive();
        assertThat(e.measurement().latencyMs()).isPositive();
    }

    @Test
    void resultsMadeWhileTheCollectorIsUnreachableAreSentLaterWithTheirIds(@TempDir Path spool)
            throws Exception {
        Probe offline = new Probe(config(closedPort(), spool));
        assertThat(offline.runOnce()).isZero();
        List<Path> waiting = Files.list(spool).filter(p -> p.toString().endsWith(".json")).toList();
        assertThat(waiting).hasSize(1);
        String id = waiting.get(0).getFileName().toString().replace(".json", "");

        Probe online = new Probe(config(collector.port(), spool));
        assertThat(online.flush()).isEqualTo(1);

        assertThat(Files.list(spool).filter(p -> p.toString().endsWith(".json"))).isEmpty();
        assertThat(events()).anySatisfy(e -> assertThat(e.id().toString()).isEqualTo(id));
    }

    @Test
    void aTestOnAMultiGigabitLinkStaysWithinTheServersRateLimit() throws Exception {
        // Loopback moves gigabits a second. With 1 MB requests a 3-second test made hundreds of
        // requests and was refused (HTTP 429) by a server allowing 200 at once and 5 a second.
        int port =
                speedTestServer(
                        SpeedTestConfig.from(
                                Settings.of(
                                        Map.of(
                                                "speedtest.rate-per-second", "5",
                                                "speedtest.burst", "200"))));
        SpeedTestClient client =
                new SpeedTestClient(
                        URI.create("http://127.0.0.1:" + port), Duration.ofSeconds(3), 2);

        SpeedTestClient.Result result = client.run();

        assertThat(result.downloadMbps()).isGreaterThan(100);
        assertThat(result.uploadMbps()).isGreaterThan(100);
    }

    private ProbeConfig config(int collectorPort, Path spool) {
        return ProbeConfig.from(
                Settings.of(
                        Map.of(
                                "probe.collector-url",
                                "http://127.0.0.1:" + collectorPort,
                                "probe.speedtest-url",
                                "http://127.0.0.1:" + speedTestPort + "/",
                                "probe.api-key",
                                KEY,
                                "probe.tdp",
                                "TDP-07",
                                "probe.operator",
                                "vnpt",
                                "probe.spool-dir",
                                spool.toString(),
                                "probe.duration",
                                "1s",
                                "probe.streams",
                                "2")));
    }

    private static int closedPort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static List<MeasurementEvent> events() throws Exception {
        List<MeasurementEvent> out = new ArrayList<>();
        try (KafkaConsumer<String, String> c =
                new KafkaConsumer<>(
                        Map.of(
                                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                                broker.bootstrapServers(),
                                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                                false),
                        new StringDeserializer(),
                        new StringDeserializer())) {
            TopicPartition p = new TopicPartition(TOPIC, 0);
            c.assign(List.of(p));
            c.seekToBeginning(List.of(p));
            long end = c.endOffsets(List.of(p)).get(p);
            while (c.position(p) < end) {
                for (ConsumerRecord<String, String> r : c.poll(Duration.ofMillis(200))) {
                    out.add(Json.mapper().readValue(r.value(), MeasurementEvent.class));
                }
            }
        }
        return out;
    }
}
