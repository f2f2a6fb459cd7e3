package vn.speedwatch.collector.ingest;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.speedwatch.collector.CollectorMetrics;
import vn.speedwatch.model.MeasurementEvent;
import vn.speedwatch.model.MeasurementEventWriter;

/**
 * Sends {@link MeasurementEvent}s to the measurements topic and completes a Vert.x future only when
 * Kafka has acknowledged the record durably ({@code acks=all}, idempotent producer).
 *
 * <p>Every send is bounded by the configured timeout: a dead broker surfaces as a failed future
 * (the caller answers 503), never as a hung request. {@code send()} itself may block while metadata
 * is missing, so it runs on a dedicated thread, never on the event loop.
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
    public static Map<String, Object> producerConfig(
            String bootstrapServers, Duration sendTimeout) {
        long timeoutMs = Math.max(1000, sendTimeout.toMillis());
        // Kafka 4's default. Waiting 5 ms gathers the records of concurrent requests into fewer,
        // larger produce requests; in the bench 0 and 2 ms gave fewer accepted measurements/s
        // for single and batched posts alike, at no better latency once the broker was busy.
        long lingerMs = 5;
        return Map.ofEntries(
                Map.entry(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers),
                Map.entry(ProducerConfig.ACKS_CONFIG, "all"),
                Map.entry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true),
                Map.entry(ProducerConfig.LINGER_MS_CONFIG, (int) lingerMs),
                Map.entry(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4"),
                // Under load a partition's records pile up while a produce request is in flight;
                // with the default 16 kB they leave as many small batches, each with its own
                // compression frame, CRC and broker-side validation. 64 kB sends them in fewer
                // (the bench's Kafka-alone row went 1.5-2x faster with it).
                Map.entry(ProducerConfig.BATCH_SIZE_CONFIG, 64 * 1024),
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
        return publishAll(context, List.of(event));
    }

    /**
     * Publishes the events of one request, each as its own record keyed by its measurement id. The
     * future completes once Kafka acknowledged every one of them, and fails as soon as one could
     * not be sent.
     *
     * <p>A batch is one hand-off to the sending thread and one answer back to the event loop, not
     * one per record: per record, a batch of 100 cost 200 queue hand-offs and thread wake-ups and a
     * 100-way composite future. The records are serialized on the sending thread, off the event
     * loop.
     */
    public Future<Void> publishAll(Context context, List<MeasurementEvent> events) {
        if (events.isEmpty()) {
            return Future.succeededFuture();
        }
        Promise<Void> promise = Promise.promise();
        Batch batch = new Batch(context, promise, events.size());
        inFlight.addAndGet(events.size());
        try {
            sender.execute(() -> send(batch, events));
        } catch (RejectedExecutionException e) {
            batch.abandon(0, new IllegalStateException("publisher closed"));
        }
        return promise.future();
    }

    private void send(Batch batch, List<MeasurementEvent> events) {
        for (int i = 0; i < events.size(); i++) {
            if (batch.settled.get()) {
                // A record failed (the producer may call back at once, e.g. when metadata did
                // not come within max.block.ms): the rest would wait as long, and the request
                // is answered 503 anyway.
                batch.abandon(i, null);
                return;
            }
            try {
                MeasurementEvent event = events.get(i);
                producer.send(
                        new ProducerRecord<>(
                                topic, event.id().toString(), MeasurementEventWriter.write(event)),
                        batch::acknowledged);
            } catch (RuntimeException e) {
                // The producer is closed, or refused the record outright.
                batch.abandon(i, e);
                return;
            }
        }
    }

    /** The sends of one request: counts acknowledgements and answers the event loop once. */
    private final class Batch {
        private final Context context;
        private final Promise<Void> promise;
        private final long start = System.nanoTime();
        private final int size;
        private final AtomicInteger pending;
        private final AtomicBoolean settled = new AtomicBoolean();

        Batch(Context context, Promise<Void> promise, int size) {
            this.context = context;
            this.promise = promise;
            this.size = size;
            this.pending = new AtomicInteger(size);
        }

        /** The producer's callback for one record, on its I/O thread. */
        void acknowledged(RecordMetadata metadata, Exception error) {
            inFlight.decrementAndGet();
            sendTimer.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            if (error != null) {
                fail(error);
            } else if (pending.decrementAndGet() == 0 && settled.compareAndSet(false, true)) {
                context.runOnContext(v -> promise.complete());
            }
        }

        /** Records {@code from} and after are not handed to the producer; null: failed before. */
        void abandon(int from, Exception error) {
            inFlight.addAndGet(from - size);
            if (error != null) {
                fail(error);
            }
        }

        private void fail(Exception error) {
            if (settled.compareAndSet(false, true)) {
                LOG.warn("Kafka send to {} failed: {}", topic, error.toString());
                context.runOnContext(v -> promise.fail(error));
            }
        }
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
