package vn.speedwatch.jobs.functions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.speedwatch.jobs.records.AlertEvent;
import vn.speedwatch.jobs.records.AlertEvent.Action;
import vn.speedwatch.jobs.records.AlertEvent.Kind;
import vn.speedwatch.model.Json;

class WebhookNotifierTest {

    private static final Duration QUICK_BACKOFF = Duration.ofMillis(20);
    private static final Instant MONDAY_NOON = Instant.parse("2026-03-02T05:00:00Z");

    private final List<String> bodies = new CopyOnWriteArrayList<>();
    private final List<String> contentTypes = new CopyOnWriteArrayList<>();
    private final AtomicInteger requests = new AtomicInteger();
    private HttpServer server;
    private WebhookNotifier notifier;

    @AfterEach
    void stop() {
        if (notifier != null) {
            notifier.close();
        }
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void postsTheAlertWithVietnameseAndEnglishSummaries() throws Exception {
        startServer(0, null);
        notifier = new WebhookNotifier(url(), 10, 3, QUICK_BACKOFF);

        assertThat(notifier.offer(medianDrop())).isTrue();

        await().atMost(Duration.ofSeconds(10)).until(() -> notifier.delivered() == 1);
        JsonNode body = Json.mapper().readTree(bodies.get(0));
        assertThat(body.get("action").asText()).isEqualTo("OPEN");
        assertThat(body.get("kind").asText()).isEqualTo("MEDIAN_DROP");
        assertThat(body.get("tdpCode").asText()).isEqualTo("TDP-07");
        assertThat(body.get("at").asText()).isEqualTo("2026-03-02T05:00:00Z");
        assertThat(body.get("summaryVi").asText())
                .isEqualTo(
                        "Cảnh báo chất lượng: tốc độ tải xuống trung vị 24 giờ của Viettel (Cáp quang)"
                                + " tại TDP-07 là 42,0 Mbps, thấp hơn 56 % so với mức nền 28 ngày"
                                + " (95,0 Mbps).");
        assertThat(body.get("summaryEn").asText())
                .isEqualTo(
                        "Quality alert: the 24-hour median download of Viettel (Fibre) in TDP-07 is"
                                + " 42.0 Mbps, 56% below its 28-day baseline (95.0 Mbps).");
        assertThat(contentTypes.get(0)).startsWith("application/json");
    }

    @Test
    void retriesWithBackoffUntilTheServerAccepts() throws Exception {
        startServer(2, null);
        notifier = new WebhookNotifier(url(), 10, 5, QUICK_BACKOFF);

        notifier.offer(medianDrop());

        await().atMost(Duration.ofSeconds(10)).until(() -> notifier.delivered() == 1);
        assertThat(requests.get()).isEqualTo(3);
        assertThat(bodies).hasSize(3).allSatisfy(b -> assertThat(b).contains("TDP-07"));
        assertThat(notifier.failed()).isZero();
    }

    @Test
    void givesUpAfterTheLastAttemptWithoutThrowing() throws Exception {
        startServer(Integer.MAX_VALUE, null);
        notifier = new WebhookNotifier(url(), 10, 3, QUICK_BACKOFF);

        notifier.offer(medianDrop());

        await().atMost(Duration.ofSeconds(10)).until(() -> notifier.failed() == 1);
        assertThat(requests.get()).isEqualTo(3);
        assertThat(notifier.delivered()).isZero();
    }

    @Test
    void anUnreachableWebhookIsRetriedThenGivenUp() {
        notifier = new WebhookNotifier(URI.create("http://127.0.0.1:9/hook"), 10, 2, QUICK_BACKOFF);

        notifier.offer(medianDrop());

        await().atMost(Duration.ofSeconds(30)).until(() -> notifier.failed() == 1);
    }

    @Test
    void aFullQueueDropsNoticesInsteadOfBlocking() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        startServer(0, release);
        notifier = new WebhookNotifier(url(), 2, 1, QUICK_BACKOFF);

        long started = System.nanoTime();
        int accepted = 0;
        for (int i = 0; i < 10; i++) {
            accepted += notifier.offer(medianDrop()) ? 1 : 0;
        }
        Duration offering = Duration.ofNanos(System.nanoTime() - started);

        assertThat(offering).isLessThan(Duration.ofSeconds(1));
        assertThat(accepted).isBetween(2, 3); // the queue, plus one the worker may hold already
        assertThat(notifier.dropped()).isEqualTo(10 - accepted);
        release.countDown();
        int expected = accepted;
        await().atMost(Duration.ofSeconds(10)).until(() -> notifier.delivered() == expected);
    }

    @Test
    void closingNoticesSayWhetherTheLineRecoveredOrWentQuiet() throws Exception {
        AlertEvent recovered = medianDrop();
        recovered.action = Action.CLOSE;
        AlertEvent quiet =
                AlertEvent.of(
                        Action.CLOSE,
                        Kind.BELOW_QCVN,
                        "TDP-07",
                        "VNPT",
                        "MOBILE_4G",
                        MONDAY_NOON.toEpochMilli());

        JsonNode back = Json.mapper().readTree(WebhookNotifier.payload(recovered));
        JsonNode gone = Json.mapper().readTree(WebhookNotifier.payload(quiet));

        assertThat(back.get("summaryVi").asText())
                .isEqualTo(
                        "Đã đóng cảnh báo: Tốc độ tải xuống"
                                + " của Viettel (Cáp quang) tại TDP-07 đã trở lại bình thường.");
        assertThat(back.get("summaryEn").asText())
                .isEqualTo(
                        "Alert closed: the download speed"
                                + " of Viettel (Fibre) in TDP-07 is back to normal.");
        assertThat(gone.get("summaryVi").asText())
                .isEqualTo(
                        "Đã đóng cảnh báo: không còn số liệu"
                                + " đo của VNPT (Di động 4G) tại TDP-07 trong nhiều tuần.");
        assertThat(gone.get("median24hMbps").isNull()).isTrue();
    }

    /** A webhook that answers 503 to the first {@code failures} requests, then 204. */
    private void startServer(int failures, CountDownLatch release) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/hook", exchange -> answer(exchange, failures, release));
        server.start();
    }

    private void answer(HttpExchange exchange, int failures, CountDownLatch release)
            throws IOException {
        try {
            if (release != null && !release.await(10, TimeUnit.SECONDS)) {
                throw new IOException("test did not release the webhook");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        contentTypes.add(exchange.getRequestHeaders().getFirst("Content-Type"));
        int status = requests.incrementAndGet() <= failures ? 503 : 204;
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    private URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hook");
    }

    private static AlertEvent medianDrop() {
        AlertEvent e =
                AlertEvent.of(
                        Action.OPEN,
                        Kind.MEDIAN_DROP,
                        "TDP-07",
                        "VIETTEL",
                        "FIXED_FIBER",
                        MONDAY_NOON.toEpochMilli());
        e.sampleCount = 40;
        e.median24h = 42.0;
        e.baselineMedian = 95.0;
        e.belowQcvnShare = 0.1;
        return e;
    }
}
