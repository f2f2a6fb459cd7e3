package vn.speedwatch.jobs.sinks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.speedwatch.jobs.records.AlertEvent;
import vn.speedwatch.jobs.records.AlertEvent.Action;
import vn.speedwatch.jobs.records.AlertEvent.Kind;
import vn.speedwatch.warehouse.AlertRepository;
import vn.speedwatch.warehouse.AlertRow;
import vn.speedwatch.warehouse.testing.PostgresDatabase;

class AlertWriterTest {

    @RegisterExtension static PostgresDatabase db = new PostgresDatabase();

    private static final Instant MONDAY_NOON = Instant.parse("2026-03-02T05:00:00Z");
    private static final Instant MONDAY_EVENING = MONDAY_NOON.plus(Duration.ofHours(6));
    private static final Instant TUESDAY_NOON = MONDAY_NOON.plus(Duration.ofDays(1));
    private static final Instant LONG_AGO = MONDAY_NOON.minus(Duration.ofDays(30));
    private static final Instant LATER = MONDAY_NOON.plus(Duration.ofDays(30));

    private final AlertWriter writer = new AlertWriter();
    private AlertRepository alerts;

    @BeforeEach
    void emptyTable() throws Exception {
        alerts = new AlertRepository(db.dataSource());
        try (Connection c = db.dataSource().getConnection();
                Statement st = c.createStatement()) {
            st.execute("TRUNCATE alerts");
        }
    }

    @Test
    void anOpenEventOpensOneAlertWithItsNumbersAndSummaries() throws Exception {
        writer.write(db.dataSource(), List.of(medianDrop(Action.OPEN, MONDAY_NOON)));

        assertThat(alerts.findOpen())
                .singleElement()
                .satisfies(
                        a -> {
                            assertThat(a.tdpCode()).isEqualTo("TDP-07");
                            assertThat(a.kind()).isEqualTo(AlertRow.MEDIAN_DROP);
                            assertThat(a.status()).isEqualTo(AlertRow.OPEN);
                            assertThat(a.openedAt()).isEqualTo(MONDAY_NOON);
                            assertThat(a.sampleCount()).isEqualTo(40L);
                            assertThat(a.median24h()).isEqualTo(42.0);
                            assertThat(a.baselineMedian()).isEqualTo(95.0);
                            assertThat(a.details())
                                    .contains(
                                            "tốc độ tải xuống trung vị 24 giờ",
                                            "TDP-07",
                                            "the 24-hour median download");
                        });
    }

    @Test
    void aCloseEventClosesTheOpenAlert() throws Exception {
        writer.write(
                db.dataSource(),
                List.of(
                        medianDrop(Action.OPEN, MONDAY_NOON),
                        medianDrop(Action.CLOSE, MONDAY_EVENING)));

        assertThat(alerts.findOpen()).isEmpty();
        assertThat(everyAlert())
                .singleElement()
                .satisfies(
                        a -> {
                            assertThat(a.status()).isEqualTo(AlertRow.CLOSED);
                            assertThat(a.closedAt()).isEqualTo(MONDAY_EVENING);
                        });
    }

    @Test
    void aReplayedBatchChangesNothing() throws Exception {
        List<AlertEvent> batch =
                List.of(
                        medianDrop(Action.OPEN, MONDAY_NOON),
                        medianDrop(Action.CLOSE, MONDAY_EVENING));

        writer.write(db.dataSource(), batch);
        writer.write(db.dataSource(), batch);
        writer.write(db.dataSource(), List.of(medianDrop(Action.OPEN, MONDAY_NOON)));

        assertThat(everyAlert())
                .singleElement()
                .satisfies(a -> assertThat(a.status()).isEqualTo(AlertRow.CLOSED));
    }

    @Test
    void aReplayedCloseLeavesANewerAlertOpen() throws Exception {
        writer.write(
                db.dataSource(),
                List.of(
                        medianDrop(Action.OPEN, MONDAY_NOON),
                        medianDrop(Action.CLOSE, MONDAY_EVENING),
                        medianDrop(Action.OPEN, TUESDAY_NOON)));

        writer.write(db.dataSource(), List.of(medianDrop(Action.CLOSE, MONDAY_EVENING)));

        assertThat(alerts.findOpen())
                .singleElement()
                .satisfies(a -> assertThat(a.openedAt()).isEqualTo(TUESDAY_NOON));
    }

    @Test
    void kindsAreSeparateAlerts() throws Exception {
        AlertEvent belowQcvn = medianDrop(Action.OPEN, MONDAY_NOON);
        belowQcvn.kind = Kind.BELOW_QCVN;
        belowQcvn.belowQcvnShare = 0.62;

        writer.write(db.dataSource(), List.of(medianDrop(Action.OPEN, MONDAY_NOON), belowQcvn));

        assertThat(alerts.findOpen())
                .extracting(AlertRow::kind)
                .containsExactlyInAnyOrder(AlertRow.MEDIAN_DROP, AlertRow.BELOW_QCVN);
    }

    @Test
    void onlyRealChangesAreSentToTheWebhook() throws Exception {
        List<String> received = new CopyOnWriteArrayList<>();
        HttpServer server =
                HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext(
                "/hook",
                exchange -> {
                    received.add(
                            new String(
                                    exchange.getRequestBody().readAllBytes(),
                                    StandardCharsets.UTF_8));
                    exchange.sendResponseHeaders(204, -1);
                    exchange.close();
                });
        server.start();
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
            AlertWriter notifying = new AlertWriter(Optional.of(url));
            List<AlertEvent> batch = List.of(medianDrop(Action.OPEN, MONDAY_NOON));

            notifying.write(db.dataSource(), batch);
            notifying.write(db.dataSource(), batch);

            await().atMost(Duration.ofSeconds(10)).until(() -> received.size() >= 1);
            Thread.sleep(300); // a second notice, if wrongly queued, would arrive by now
            assertThat(received)
                    .singleElement()
                    .asString()
                    .contains("\"action\":\"OPEN\"", "\"tdpCode\":\"TDP-07\"", "Cảnh báo");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void aWebhookUrlThatIsNotHttpIsRefusedAtOnce() {
        assertThatThrownBy(() -> new AlertWriter(Optional.of("ftp://example.org/hook")))
                .hasMessageContaining("alerts.webhook-url");
        assertThatThrownBy(() -> new AlertWriter(Optional.of("no url at all")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private List<AlertRow> everyAlert() {
        return alerts.findOverlapping(LONG_AGO, LATER);
    }

    private static AlertEvent medianDrop(Action action, Instant at) {
        AlertEvent e =
                AlertEvent.of(
                        action,
                        Kind.MEDIAN_DROP,
                        "TDP-07",
                        "VIETTEL",
                        "FIXED_FIBER",
                        at.toEpochMilli());
        e.sampleCount = 40;
        e.median24h = 42.0;
        e.baselineMedian = 95.0;
        e.belowQcvnShare = 0.1;
        return e;
    }
}
