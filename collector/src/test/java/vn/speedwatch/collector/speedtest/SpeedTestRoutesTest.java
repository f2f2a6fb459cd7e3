package vn.speedwatch.collector.speedtest;

import static org.assertj.core.api.Assertions.assertThat;

import com.datadoghq.sketch.ddsketch.DDSketch;
import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.speedwatch.collector.protect.ClientAddressResolver;
import vn.speedwatch.collector.protect.ClientHasher;
import vn.speedwatch.model.Json;
import vn.speedwatch.model.QualitySketch;
import vn.speedwatch.model.Settings;
import vn.speedwatch.warehouse.AggregateRepository;
import vn.speedwatch.warehouse.QualityAggregateRow;
import vn.speedwatch.warehouse.testing.PostgresDatabase;

/** The speed-test, area and comparison endpoints over real HTTP, with a real warehouse. */
class SpeedTestRoutesTest {

    @RegisterExtension static PostgresDatabase db = new PostgresDatabase();

    static final Instant TODAY = Instant.now().truncatedTo(ChronoUnit.DAYS);
    static Vertx vertx;
    static int port;
    static int strictPort;
    static int noDbPort;
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        vertx = Vertx.vertx();
        SpeedTestConfig config =
                SpeedTestConfig.from(
                        Settings.of(
                                Map.of(
                                        "speedtest.max-download-bytes",
                                        "8000000",
                                        "speedtest.max-upload-bytes",
                                        "4000000",
                                        "speedtest.rate-per-second",
                                        "1000",
                                        "speedtest.burst",
                                        "1000")));
        port = serve(config, Optional.of(db.dataSource()));
        strictPort =
                serve(
                        SpeedTestConfig.from(
                                Settings.of(
                                        Map.of(
                                                "speedtest.rate-per-second",
                                                "0.1",
                                                "speedtest.burst",
                                                "3"))),
                        Optional.empty());
        noDbPort = serve(config, Optional.empty());
        seedAggregates(db.dataSource());
    }

    @AfterAll
    static void stop() {
        vertx.close().await();
    }

    @Test
    void downloadStreamsExactlyTheAskedBytesThatDoNotCompressAndAreNeverCached() throws Exception {
        HttpResponse<byte[]> r = get(port, "/api/v1/speedtest/download?bytes=3000000");

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).hasSize(3_000_000);
        assertThat(r.headers().firstValue("Cache-Control")).contains("no-store");
        ByteArrayOutputStream zipped = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(zipped)) {
            gz.write(r.body());
        }
        assertThat(zipped.size()).isGreaterThan(2_950_000);
    }

    @Test
    void downloadRefusesSizesOutsideTheCapWithAProblem() throws Exception {
        for (String bytes : List.of("0", "-5", "8000001", "lots")) {
            HttpResponse<byte[]> r = get(port, "/api/v1/speedtest/download?bytes=" + bytes);
            assertThat(r.statusCode()).as(bytes).isEqualTo(400);
            assertThat(json(r).get("detailEn").asText()).contains("from 1 to 8000000");
        }
    }

    @Test
    void uploadCountsAndDiscardsTheBodyAndRefusesOneOverTheCap() throws Exception {
        HttpResponse<byte[]> ok = post(port, new byte[3_000_000]);
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(json(ok).get("receivedBytes").asLong()).isEqualTo(3_000_000);
        assertThat(ok.headers().firstValue("Cache-Control")).contains("no-store");

        try {
            HttpResponse<byte[]> big = post(port, new byte[6_000_000]);
            assertThat(big.statusCode()).isEqualTo(413);
        } catch (java.io.IOException closedMidUpload) {
            // The server may close the connection before the client has finished sending.
            assertThat(closedMidUpload).isNotNull();
        }
    }

    @Test
    void pingIsATinyUncachedAnswer() throws Exception {
        HttpResponse<byte[]> r = get(port, "/api/v1/speedtest/ping");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body().length).isLessThan(40);
        assertThat(r.headers().firstValue("Cache-Control")).contains("no-store");
    }

    @Test
    void aClientOverItsBurstIsToldWhenToRetry() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertThat(get(strictPort, "/api/v1/speedtest/ping").statusCode()).isEqualTo(200);
        }
        HttpResponse<byte[]> r = get(strictPort, "/api/v1/speedtest/ping");
        assertThat(r.statusCode()).isEqualTo(429);
        assertThat(r.headers().firstValue("Retry-After")).isPresent();
    }

    @Test
    void areasListsEveryTdpOfTheRegistryWithItsName() throws Exception {
        JsonNode areas = json(get(port, "/api/v1/areas")).get("areas");
        assertThat(areas).hasSize(12);
        assertThat(areas.get(0).get("code").asText()).isEqualTo("TDP-01");
        assertThat(areas.get(0).get("name").asText()).isEqualTo("Tổ dân phố Số 1");
    }

    @Test
    void compareGivesTheThirtyDayMedianOfACellWithEnoughTestsAndDevices() throws Exception {
        JsonNode c =
                json(
                        get(
                                port,
                                "/api/v1/compare?tdp=TDP-07&operator=VIETTEL"
                                        + "&access=FIXED_FIBER"));
        assertThat(c.get("enoughSamples").asBoolean()).isTrue();
        assertThat(c.get("sampleCount").asLong()).isEqualTo(30);
        // 20 tests at 80 Mbit/s yesterday, 10 at 120 today (hour rows): the median is 80.
        assertThat(c.get("downloadMedianMbps").asDouble()).isBetween(79.0, 81.0);
    }

    @Test
    void compareSaysNotEnoughSamplesWithoutAMedianWhenTooFewDevices() throws Exception {
        JsonNode c =
                json(get(port, "/api/v1/compare?tdp=TDP-03&operator=VNPT" + "&access=MOBILE_4G"));
        assertThat(c.get("enoughSamples").asBoolean()).isFalse();
        assertThat(c.has("downloadMedianMbps")).isFalse();
        assertThat(c.get("message").asText()).startsWith("Chưa đủ mẫu");
    }

    @Test
    void compareOfOldOrEmptyCellsIsNotEnoughAndBadCellsAreRefused() throws Exception {
        JsonNode old =
                json(get(port, "/api/v1/compare?tdp=TDP-05&operator=FPT" + "&access=FIXED_FIBER"));
        assertThat(old.get("enoughSamples").asBoolean()).isFalse();
        assertThat(old.get("sampleCount").asLong()).isZero();
        assertThat(
                        get(port, "/api/v1/compare?tdp=TDP-99&operator=VNPT&access=MOBILE_4G")
                                .statusCode())
                .isEqualTo(400);
        assertThat(
                        get(port, "/api/v1/compare?tdp=TDP-01&operator=Nokia&access=MOBILE_4G")
                                .statusCode())
                .isEqualTo(400);
        assertThat(
                        get(port, "/api/v1/compare?tdp=TDP-01&operator=VNPT&access=SATELLITE")
                                .statusCode())
                .isEqualTo(400);
        assertThat(
                        get(noDbPort, "/api/v1/compare?tdp=TDP-01&operator=VNPT&access=MOBILE_4G")
                                .statusCode())
                .isEqualTo(503);
    }

    private static int serve(SpeedTestConfig config, Optional<DataSource> ds) {
        Router router = Router.router(vertx);
        SpeedTestRoutes.create(
                        config,
                        new ClientAddressResolver(List.of()),
                        new ClientHasher("test-secret".getBytes(), Optional.empty()),
                        ds)
                .mount(router);
        HttpServer server =
                vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1").await();
        return server.actualPort();
    }

    private static void seedAggregates(DataSource ds) {
        AggregateRepository repo = new AggregateRepository(ds);
        Instant yesterday = TODAY.minus(1, ChronoUnit.DAYS);
        repo.upsert(
                List.of(
                        row("day", yesterday, "TDP-07", "VIETTEL", "FIXED_FIBER", 20, 6, 80),
                        // The hour rows of yesterday are inside the day row: they must not count
                        // twice.
                        row(
                                "hour",
                                yesterday.plus(3, ChronoUnit.HOURS),
                                "TDP-07",
                                "VIETTEL",
                                "FIXED_FIBER",
                                20,
                                6,
                                80),
                        row(
                                "hour",
                                TODAY.plus(1, ChronoUnit.HOURS),
                                "TDP-07",
                                "VIETTEL",
                                "FIXED_FIBER",
                                10,
                                2,
                                120),
                        row("day", yesterday, "TDP-03", "VNPT", "MOBILE_4G", 40, 3, 30),
                        row(
                                "day",
                                TODAY.minus(45, ChronoUnit.DAYS),
                                "TDP-05",
                                "FPT",
                                "FIXED_FIBER",
                                50,
                                9,
                                200)));
    }

    private static QualityAggregateRow row(
            String resolution,
            Instant at,
            String tdp,
            String operator,
            String access,
            int samples,
            int devices,
            double mbps) {
        DDSketch sketch = QualitySketch.create();
        for (int i = 0; i < samples; i++) {
            QualitySketch.add(sketch, mbps);
        }
        byte[] bytes = QualitySketch.toBytes(sketch);
        return new QualityAggregateRow(
                resolution,
                at,
                tdp,
                operator,
                access,
                samples,
                devices,
                mbps,
                mbps,
                mbps,
                mbps,
                mbps / 2,
                mbps / 2,
                mbps / 2,
                mbps / 2,
                10.0,
                10.0,
                10.0,
                10.0,
                0,
                0,
                null,
                bytes,
                bytes,
                QualitySketch.toBytes(sketch));
    }

    private static HttpResponse<byte[]> get(int port, String path) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .timeout(Duration.ofSeconds(20))
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private static HttpResponse<byte[]> post(int port, byte[] body) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(
                                URI.create("http://127.0.0.1:" + port + "/api/v1/speedtest/upload"))
                        .timeout(Duration.ofSeconds(20))
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private static JsonNode json(HttpResponse<byte[]> r) throws Exception {
        return Json.mapper().readTree(r.body());
    }
}
