package vn.speedwatch.collector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static vn.speedwatch.collector.Fixtures.measurement;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import vn.speedwatch.kafka.EmbeddedKafkaBroker;

/** The broker goes away and comes back while the collector keeps running. */
@ExtendWith(VertxExtension.class)
class CollectorOutageTest {

    @TempDir Path kafkaDir;

    @Test
    void answers503WhileKafkaIsDownAndRecoversWithoutARestart(Vertx vertx) throws Exception {
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(kafkaDir, 0);
        broker.createTopic(Fixtures.TOPIC, 2);
        int kafkaPort = Integer.parseInt(broker.bootstrapServers().split(":")[1]);
        Collector collector =
                join(
                        Collector.start(
                                vertx,
                                Fixtures.config(
                                        broker.bootstrapServers(),
                                        Map.of("kafka.send-timeout", "2s"))));
        try (Http http = new Http(vertx, collector.port())) {
            assertThat(http.postJson(measurement(80).toString()).statusCode()).isEqualTo(202);

            broker.close();
            ObjectNode duringOutage = measurement(81);
            long start = System.nanoTime();
            HttpResponse<Buffer> refused = http.postJson(duringOutage.toString());

            assertThat(refused.statusCode()).isEqualTo(503);
            assertThat(Duration.ofNanos(System.nanoTime() - start))
                    .isLessThan(Duration.ofSeconds(6));
            assertThat(refused.getHeader("Retry-After")).matches("[1-9][0-9]*");
            assertThat(refused.getHeader("Content-Type")).startsWith("application/problem+json");
            JsonNode problem = Http.json(refused);
            assertThat(problem.has("items")).isFalse();
            assertThat(problem.toString()).doesNotContain("receipt");
            await().atMost(10, TimeUnit.SECONDS)
                    .until(() -> http.request(HttpMethod.GET, "/health/ready").statusCode() == 503);

            broker = EmbeddedKafkaBroker.start(kafkaDir, kafkaPort);
            ObjectNode afterwards = measurement(82);
            await().atMost(60, TimeUnit.SECONDS)
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> http.postJson(afterwards.toString()).statusCode() == 202);
            TopicReader topic = new TopicReader(broker.bootstrapServers(), Fixtures.TOPIC);
            assertThat(topic.all())
                    .extracting(Map.Entry::getKey)
                    .contains(afterwards.get("id").asText())
                    .doesNotContain(duringOutage.get("id").asText());
        } finally {
            join(collector.close());
            broker.close();
        }
    }

    private static <T> T join(io.vertx.core.Future<T> f) throws Exception {
        return f.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    }
}
