package vn.speedwatch.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import vn.speedwatch.collector.Collector;
import vn.speedwatch.collector.protect.ApiKeys;
import vn.speedwatch.console.ConsoleConfig;
import vn.speedwatch.console.ConsoleRoutes;
import vn.speedwatch.console.UserAdmin;
import vn.speedwatch.kafka.EmbeddedKafkaBroker;
import vn.speedwatch.model.Settings;
import vn.speedwatch.model.ValidationLimits;
import vn.speedwatch.warehouse.testing.PostgresDatabase;

/**
 * A collector with the console mounted, configured with secrets nobody could write by chance, is
 * driven through a load and every error path a secret could slip into (wrong API key, wrong metrics
 * token, forged receipt, failed sign-in, a warehouse that does not answer); afterwards no secret is
 * in the log file, in any answer (status line, headers, body) or on the topic.
 */
class SecretsNeverLeakTest {

    @RegisterExtension static final PostgresDatabase DB = new PostgresDatabase();

    private static final String RECEIPT_SECRET = "RCPT-9f3b7c1e-never-print-me";
    private static final String IP_SECRET = "IPHASH-4d2a8e60-never-print-me";
    private static final String DB_PASSWORD = "DBPW-71c5e2b9-never-print-me";
    private static final String METRICS_TOKEN = "MTOKEN-0be4d7a3-never-print-me";
    private static final String API_KEY = "APIKEY-5c8f1d27-never-print-me";
    private static final String OFFICIAL_PASSWORD = "OFFPW-e29c4b18-never-print-me";
    private static final List<String> SECRETS =
            List.of(
                    RECEIPT_SECRET,
                    IP_SECRET,
                    DB_PASSWORD,
                    METRICS_TOKEN,
                    API_KEY,
                    OFFICIAL_PASSWORD);

    @TempDir Path kafkaDir;
    @TempDir Path reportsDir;

    private final List<String> answers = new ArrayList<>();

    @Test
    void noConfiguredSecretInLogsAnswersOrTopic() throws Exception {
        int posts = Results.size("reliability.secrets.posts", 300);
        new UserAdmin(DB.dataSource()).add("hoa.official", "official", OFFICIAL_PASSWORD);
        Vertx vertx = Vertx.vertx();
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(kafkaDir, 0);
        broker.createTopic(Fixtures.TOPIC, 2);
        try {
            Map<String, String> secrets = new LinkedHashMap<>();
            secrets.put("receipt.secret", RECEIPT_SECRET);
            secrets.put("privacy.ip-hash-secret", IP_SECRET);
            secrets.put("collector.metrics-token", METRICS_TOKEN);
            secrets.put("collector.api-keys", "probe-secrets:" + ApiKeys.hashOf(API_KEY));
            secrets.put("db.url", DB.jdbcUrl());
            secrets.put("db.user", "postgres");
            secrets.put("db.password", DB_PASSWORD); // trust auth: accepted, never needed
            ConsoleConfig console =
                    ConsoleConfig.from(
                            Settings.of(Map.of("console.reports-dir", reportsDir.toString())));
            Collector collector =
                    BadInputFloodTest.join(
                            Collector.start(
                                    vertx,
                                    Fixtures.config(broker.bootstrapServers(), secrets),
                                    ValidationLimits.defaults(),
                                    router ->
                                            ConsoleRoutes.mount(
                                                    router, vertx, console, DB.dataSource())));
            int accepted = driveErrorPaths(collector.port(), posts);
            BadInputFloodTest.join(collector.close());
            int unreachable = lookUpWithTheWarehouseDown(vertx, broker, secrets);

            List<Topic.Raw> records = new Topic(broker.bootstrapServers()).all();
            String log = Files.readString(logFile(), StandardCharsets.UTF_8);
            Results.record(
                    "secrets never leak",
                    posts
                            + " posts with the API key, "
                            + answers.size()
                            + " answers kept, "
                            + records.size()
                            + " topic records, "
                            + log.length()
                            + " log chars scanned for "
                            + SECRETS.size()
                            + " secrets; hits: 0 expected");

            assertThat(accepted).isEqualTo(posts);
            assertThat(unreachable).as("look-up with the warehouse down").isEqualTo(503);
            assertThat(log)
                    .as("the log has this run's lines")
                    .contains("metricsToken=true")
                    .contains("hoa.official");
            for (String secret : SECRETS) {
                assertThat(log).as("log lines holding " + secret).doesNotContain(secret);
                assertThat(answers)
                        .as("answers holding " + secret)
                        .noneMatch(a -> a.contains(secret));
                assertThat(records)
                        .as("topic records holding " + secret)
                        .noneMatch(
                                r ->
                                        new String(r.value(), StandardCharsets.UTF_8)
                                                        .contains(secret)
                                                || r.keyText().contains(secret));
            }
        } finally {
            broker.close();
            BadInputFloodTest.join(vertx.close());
        }
    }

    /** Load plus each wrong credential; returns how many posts were accepted. */
    private int driveErrorPaths(int port, int posts) throws Exception {
        Client client = new Client(port);
        int accepted = 0;
        String receipt = null;
        for (int i = 0; i < posts; i++) {
            HttpResponse<String> r =
                    keep(
                            client.post(
                                    Fixtures.measurement(30 + i % 60).toString(),
                                    Map.of("X-Api-Key", API_KEY)));
            accepted += r.statusCode() == 202 ? 1 : 0;
            receipt = receipt != null ? receipt : receiptIn(r);
        }
        assertThat(
                        keep(client.post(
                                        Fixtures.measurement(50).toString(),
                                        Map.of("X-Api-Key", API_KEY + "x")))
                                .statusCode())
                .isEqualTo(401);
        assertThat(
                        keep(client.get(
                                        "/metrics",
                                        Map.of("Authorization", "Bearer " + METRICS_TOKEN + "x")))
                                .statusCode())
                .isEqualTo(401);
        assertThat(
                        keep(client.get(
                                        "/metrics",
                                        Map.of("Authorization", "Bearer " + METRICS_TOKEN)))
                                .statusCode())
                .isEqualTo(200);
        String forged = receipt.substring(0, receipt.length() - 2) + "AA";
        assertThat(keep(client.get("/api/v1/measurements/" + forged, Map.of())).statusCode())
                .isEqualTo(404);
        keep(client.get("/api/v1/measurements/" + receipt, Map.of()));
        keep(client.delete("/api/v1/measurements/" + forged, Map.of()));
        keep(client.post("{\"id\": \"" + API_KEY + "\"}", Map.of("X-Api-Key", API_KEY)));

        ConsoleCaller hoa = new ConsoleCaller(port);
        ConsoleCaller.Answer wrong = hoa.signInAnswer("hoa.official", OFFICIAL_PASSWORD + "x");
        answers.add(wrong.status() + " " + wrong.location() + " " + wrong.body());
        assertThat(wrong.status()).isEqualTo(401);
        hoa.signIn("hoa.official", OFFICIAL_PASSWORD);
        for (String page : List.of("/admin/map", "/admin/alerts", "/admin/reports")) {
            ConsoleCaller.Answer a = hoa.get(page);
            answers.add(a.status() + " " + a.body());
        }
        return accepted;
    }

    /** A receipt look-up on a collector whose warehouse is a closed port: the error path. */
    private int lookUpWithTheWarehouseDown(
            Vertx vertx, EmbeddedKafkaBroker broker, Map<String, String> secrets) throws Exception {
        Map<String, String> down = new LinkedHashMap<>(secrets);
        down.put(
                "db.url",
                "jdbc:postgresql://127.0.0.1:"
                        + CollectorProcess.freePort()
                        + "/speedwatch?password="
                        + DB_PASSWORD);
        Collector collector =
                BadInputFloodTest.join(
                        Collector.start(vertx, Fixtures.config(broker.bootstrapServers(), down)));
        try {
            Client client = new Client(collector.port());
            HttpResponse<String> posted =
                    keep(client.post(Fixtures.measurement(44).toString(), Map.of()));
            return keep(client.get("/api/v1/measurements/" + receiptIn(posted), Map.of()))
                    .statusCode();
        } finally {
            BadInputFloodTest.join(collector.close());
        }
    }

    private static String receiptIn(HttpResponse<String> accepted) throws Exception {
        String receipt =
                vn.speedwatch.model.Json.mapper()
                        .readTree(accepted.body())
                        .path("items")
                        .path(0)
                        .path("receipt")
                        .asText();
        assertThat(receipt).as(accepted.body()).isNotEmpty();
        return receipt;
    }

    private HttpResponse<String> keep(HttpResponse<String> r) {
        assertThat(r).as("an answer").isNotNull();
        answers.add(r.statusCode() + " " + r.headers().map() + " " + r.body());
        return r;
    }

    private static Path logFile() {
        return Path.of(System.getProperty("speedwatch.log.file", "target/reliability.log"));
    }
}
