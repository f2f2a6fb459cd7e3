package vn.speedwatch.collector.ingest;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.speedwatch.collector.CollectorMetrics;
import vn.speedwatch.model.Json;
import vn.speedwatch.model.MeasurementEvent;

/**
 * Sends {@link MeasurementEvent}s to the measurements topic and completes a Vert.x future only
 * when Kafka has acknowledged the record durably ({@code acks=all}, idempotent producer).
 *
 * <p>Every send is bounded by the configured timeout: a dead broker surfaces as a failed future
 * (the caller answers 503), never as a hung request. {@code send()} itself may block while
 * metadata is missing, so it runs on a dedicated thread, never on the event loop.
 */
public final class KafkaPublisher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaPublisher.class);

    private final KafkaProducer<String, byte[]> producer;
    private final String topic;
    private final ExecutorService sender;
    private final Timer sendTimer;
    private final AtomicInteger inFlight = new AtomicInteger();

    public KafkaPublisher(
            String bootstrapServers, String topic, Duration sendTimeout, MeterRegistry registry) {
        this.producer = new KafkaProducer<>(producerConfig(bootstrapServers, sendTimeout));
        this.topic = topic;
        this.sender = Executors.newSingleThreadExecutor(r -> new Thread(r, "kafka-send"));
        this.sendTimer =
                Timer.builder(CollectorMetrics.KAFKA_SEND)
                        .description("Kafka send until acknowledged by all in-sync replicas")
                        .publishPercentileHistogram()
                        .register(registry);
        registry.gauge(CollectorMetrics.IN_FLIGHT, inFlight);
    }

    /** Producer settings that make every record durable and every failure quick. */
    public static Map<String, Object> producerConfig(String bootstrapServers, Duration sendTimeout) {
        long timeoutMs = Math.max(1000, sendTimeout.toMillis());
        long lingerMs = 2;
        return Map.ofEntries(
                Map.entry(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers),
                Map.entry(ProducerConfig.ACKS_CONFIG, "all"),
                Map.entry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true),
                Map.entry(ProducerConfig.LINGER_MS_CONFIG, (int) lingerMs),
                Map.entry(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4"),
                // delivery.timeout.ms must cover linger + request timeout; together they bound
                // how long a record may wait for an absent broker.
                Map.entry(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) timeoutMs),
                Map.entry(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) (timeoutMs - lingerMs)),
                Map.entry(ProducerConfig.MAX_BLOCK_MS_CONFIG, Math.min(timeoutMs, 2000L)),
                Map.entry(ProducerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1000),
                Map.entry(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class),
                Map.entry(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class));
    }

    /**
     * Publishes the event with the measurement id as key. The future completes on the caller's
     * Vert.x context once Kafka acknowledged it, or fails with the reason it could not be.
     */
    public Future<Void> publish(Context context, MeasurementEvent event) {
        Promise<Void> promise = Promise.promise();
        byte[] value;
        try {
            value = Json.mapper().writeValueAsBytes(event);
        } catch (Exception e) {
            return Future.failedFuture(e);
        }
        UUID id = event.id();
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, id.toString(), value);
        long start = System.nanoTime();
        inFlight.incrementAndGet();
        try {
            sender.execute(() -> send(context, promise, record, start));
        } catch (RejectedExecutionException e) {
            finish(context, promise, start, new IllegalStateException("publisher closed"));
        }
        return promise.future();
    }

    private void send(
            Context context, Promise<Void> promise, ProducerRecord<String, byte[]> record,
            long start) {
        try {
            producer.send(record, (metadata, error) -> finish(context, promise, start, error));
        } catch (RuntimeException e) {
            // max.block.ms elapsed without metadata, or the producer is closed.
            finish(context, promise, start, e);
        }
    }

    private void finish(Context context, Promise<Void> promise, long start, Exception error) {
        inFlight.decrementAndGet();
        sendTimer.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        if (error != null) {
            LOG.warn("Kafka send to {} failed: {}", topic, error.toString());
        }
        context.runOnContext(
                v -> {
                    if (error == null) {
                        promise.complete();
                    } else {
                        promise.fail(error);
                    }
                });
    }

    @Override
    public void close() {
        sender.shutdown();
        try {
            sender.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        producer.close(Duration.ofSeconds(5));
    }
}
