package vn.speedwatch.collector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import vn.speedwatch.collector.ingest.KafkaPublisher;
import vn.speedwatch.kafka.EmbeddedKafkaBroker;
import vn.speedwatch.model.MeasurementEvent;
import vn.speedwatch.model.MeasurementParser;
import vn.speedwatch.model.ValidationLimits;

/** A request's events go to Kafka as one hand-off; the future answers for all of them. */
@ExtendWith(VertxExtension.class)
class KafkaPublisherTest {

    private static final MeasurementParser PARSER =
            new MeasurementParser(ValidationLimits.defaults());

    @Test
    void aBatchIsAcknowledgedAsOneRecordPerMeasurementKeyedByItsId(
            Vertx vertx, @TempDir Path kafkaDir) throws Exception {
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(kafkaDir, 0)) {
            broker.createTopic(Fixtures.TOPIC, 3);
            SimpleMeterRegistry registry = new SimpleMeterRegistry();
            List<MeasurementEvent> events = events(40);
            try (KafkaPublisher publisher =
                    new KafkaPublisher(
                            broker.bootstrapServers(),
                            Fixtures.TOPIC,
                            Duration.ofSeconds(10),
                            registry)) {
                join(publisher.publishAll(vertx.getOrCreateContext(), events));
            }

            assertThat(new TopicReader(broker.bootstrapServers(), Fixtures.TOPIC).all())
                    .extracting(Map.Entry::getKey)
                    .containsExactlyInAnyOrderElementsOf(
                            events.stream().map(e -> e.id().toString()).toList());
            assertThat(registry.get(CollectorMetrics.KAFKA_SEND).timer().count()).isEqualTo(40);
            assertThat(registry.get(CollectorMetrics.IN_FLIGHT).gauge().value()).isZero();
        }
    }

    @Test
    void aBatchNoBrokerTakesFailsWithinTheSendTimeoutAndLeavesNothingInFlight(Vertx vertx)
            throws Exception {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        long start = System.nanoTime();
        try (KafkaPublisher publisher =
                new KafkaPublisher(
                        "127.0.0.1:" + closedPort(),
                        Fixtures.TOPIC,
                        Duration.ofSeconds(1),
                        registry)) {
            Future<Void> sent = publisher.publishAll(vertx.getOrCreateContext(), events(25));

            assertThatThrownBy(() -> join(sent)).isInstanceOf(ExecutionException.class);
            assertThat(Duration.ofNanos(System.nanoTime() - start))
                    .isLessThan(Duration.ofSeconds(10));
            // Records already handed to the producer call back (failed) on its own thread,
            // possibly after the request was answered: the gauge must come back to zero soon.
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (registry.get(CollectorMetrics.IN_FLIGHT).gauge().value() != 0
                    && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(registry.get(CollectorMetrics.IN_FLIGHT).gauge().value()).isZero();
        }
    }

    private static List<MeasurementEvent> events(int n) {
        return IntStream.range(0, n)
                .mapToObj(
                        i ->
                                MeasurementEvent.measurement(
                                        PARSER.parse(Fixtures.measurement(50 + i)).measurement(),
                                        Instant.now(),
                                        "client-hash",
                                        null,
                                        "test"))
                .toList();
    }

    private static int closedPort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static <T> T join(Future<T> f) throws Exception {
        return f.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    }
}
