package vn.speedwatch.collector;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.junit5.VertxExtension;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.speedwatch.model.ValidationLimits;

/**
 * The collector on several event loops ({@code http.instances}): one port for all of them, extra
 * routes on every one, and rate limits that a client gets once, not once per event loop. Every
 * request opens its own connection, because Vert.x hands connections to the loops in turn. Kafka is
 * not needed: the bodies are refused (422) before anything is published.
 */
@ExtendWith(VertxExtension.class)
class CollectorEventLoopsTest {

    private static final int LOOPS = 4;
    private static final String LOOP_ROUTE = "/test/event-loop";

    private Collector collector;
    private Collector other;
    private WebClient client;

    @BeforeEach
    void start(Vertx vertx) {
        collector =
                Collector.start(
                                vertx,
                                config(),
                                ValidationLimits.defaults(),
                                router ->
                                        router.get(LOOP_ROUTE)
                                                .handler(
                                                        ctx ->
                                                                ctx.response()
                                                                        .end(
                                                                                Thread
                                                                                        .currentThread()
                                                                                        .getName())))
                        .await();
        client =
                WebClient.create(
                        vertx,
                        new WebClientOptions().setKeepAlive(false).setDefaultHost("127.0.0.1"));
    }

    @AfterEach
    void stop() {
        client.close();
        collector.close().await();
        if (other != null) {
            other.close().await();
        }
    }

    @Test
    void servesEveryEventLoopOnOnePortWithTheExtraRoutesOnEach() {
        Set<String> loops = new HashSet<>();
        for (int i = 0; i < 2 * LOOPS; i++) {
            HttpResponse<Buffer> r = get(collector.port(), LOOP_ROUTE);
            assertThat(r.statusCode()).isEqualTo(200);
            loops.add(r.bodyAsString());
        }

        assertThat(loops).hasSize(LOOPS).allMatch(name -> name.contains("eventloop"));
    }

    @Test
    void twoCollectorsOnFreePortsInOneVertxDoNotShareAPort(Vertx vertx) {
        other = Collector.start(vertx, config()).await();

        assertThat(other.port()).isNotEqualTo(collector.port());
        assertThat(get(other.port(), LOOP_ROUTE).statusCode()).isEqualTo(404);
        assertThat(get(collector.port(), LOOP_ROUTE).statusCode()).isEqualTo(200);
    }

    @Test
    void aClientGetsItsSubmissionBurstOnceNotOncePerEventLoop() {
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 4 * LOOPS; i++) {
            statuses.add(
                    await(
                                    client.post(
                                                    collector.port(),
                                                    "127.0.0.1",
                                                    CollectorVerticle.MEASUREMENTS)
                                            .putHeader("Content-Type", "application/json")
                                            .sendBuffer(Buffer.buffer("{}")))
                            .statusCode());
        }

        assertThat(count(statuses)).isEqualTo(Map.of(422, 3L, 429, 4L * LOOPS - 3));
    }

    @Test
    void aClientGetsItsSpeedTestBurstOnceNotOncePerEventLoop() {
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 4 * LOOPS; i++) {
            statuses.add(get(collector.port(), "/api/v1/speedtest/ping").statusCode());
        }

        assertThat(count(statuses)).isEqualTo(Map.of(200, 2L, 429, 4L * LOOPS - 2));
    }

    private static vn.speedwatch.collector.config.CollectorConfig config() {
        return Fixtures.config(
                "127.0.0.1:1",
                Map.of(
                        "http.instances", Integer.toString(LOOPS),
                        "collector.rate-per-second", "0.001",
                        "collector.burst", "3",
                        "speedtest.rate-per-second", "0.001",
                        "speedtest.burst", "2"));
    }

    private HttpResponse<Buffer> get(int port, String path) {
        return await(client.get(port, "127.0.0.1", path).send());
    }

    private static HttpResponse<Buffer> await(io.vertx.core.Future<HttpResponse<Buffer>> response) {
        return Http.await(response);
    }

    private static Map<Integer, Long> count(List<Integer> statuses) {
        return statuses.stream().collect(Collectors.groupingBy(s -> s, Collectors.counting()));
    }
}
