package vn.speedwatch.collector;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.speedwatch.collector.Fixtures.measurement;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import vn.speedwatch.kafka.EmbeddedKafkaBroker;
import vn.speedwatch.warehouse.testing.PostgresDatabase;

/**
 * The warehouse going away while the collector runs: a receipt look-up must answer 503 with
 * Retry-After, quickly, and never 500 or a hung request.
 */
@ExtendWith(VertxExtension.class)
class CollectorWarehouseOutageTest {

    private static final String ADMIN_URL = "jdbc:postgresql://127.0.0.1:5432/postgres";

    @RegisterExtension static PostgresDatabase db = new PostgresDatabase();
    @TempDir static Path kafkaDir;
    static EmbeddedKafkaBroker broker;

    @BeforeAll
    static void startBroker() {
        broker = EmbeddedKafkaBroker.start(kafkaDir, 0);
        broker.createTopic(Fixtures.TOPIC, 1);
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    @Test
    void aLookupWhileTheWarehouseIsUnreachableAnswers503WithRetryAfter(Vertx vertx)
            throws Exception {
        Collector collector =
                join(
                        Collector.start(
                                vertx,
                                Fixtures.config(
                                        broker.bootstrapServers(),
                                        Map.of("db.url", db.jdbcUrl(), "db.user", "postgres"))));
        try (Http http = new Http(vertx, collector.port())) {
            String receipt =
                    Http.json(http.postJson(measurement(42).toString()))
                            .get("items")
                            .get(0)
                            .get("receipt")
                            .asText();
            String path = "/api/v1/measurements/" + receipt;
            assertThat(http.request(HttpMethod.GET, path).statusCode()).isEqualTo(200);

            refuseConnections(true);
            // Past HikariCP's 500 ms bypass window, so the pool checks its connection, finds it
            // dead and must open a new one: the path a real outage takes.
            Thread.sleep(1000);
            long start = System.nanoTime();
            HttpResponse<Buffer> down = http.request(HttpMethod.GET, path);
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

            assertThat(down.statusCode()).isEqualTo(503);
            assertThat(down.getHeader("Content-Type")).startsWith("application/problem+json");
            assertThat(Integer.parseInt(down.getHeader("Retry-After"))).isPositive();
            assertThat(Http.json(down).get("title").asText())
                    .isEqualTo("Tạm thời không tra cứu được");
            // Well inside the request timeout (30 s): a dead warehouse must not hang residents.
            assertThat(millis).isLessThan(15_000);

            refuseConnections(false);
            assertThat(http.request(HttpMethod.GET, path).statusCode()).isEqualTo(200);
        } finally {
            refuseConnections(false);
            join(collector.close());
        }
    }

    /** Makes the database refuse new connections and cuts the ones it has, or lets them in. */
    private static void refuseConnections(boolean refuse) throws SQLException {
        try (Connection c = DriverManager.getConnection(ADMIN_URL, "postgres", "");
                Statement st = c.createStatement()) {
            st.execute("ALTER DATABASE " + db.name() + " ALLOW_CONNECTIONS " + !refuse);
            if (refuse) {
                st.execute(
                        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                                + " WHERE datname = '"
                                + db.name()
                                + "'");
            }
        }
    }

    private static <T> T join(Future<T> f) throws Exception {
        return f.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    }
}
