package vn.speedwatch.collector.bench;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import vn.speedwatch.collector.ingest.KafkaPublisher;

/**
 * The Kafka ceiling of the collector bench: a plain {@link KafkaProducer} with the collector's own
 * producer settings (acks=all, idempotent) sending the records the collector would send, as fast as
 * it can with at most {@code maxInFlight} unacknowledged. No HTTP, no JSON parsing, no validation:
 * what is left is the cost of durable Kafka on this machine.
 */
final class KafkaCeiling {

    private KafkaCeiling() {}

    /** Sends {@code records} round-robin for a warm-up, then measures a window. */
    static CollectorBench.Result run(
            String bootstrapServers,
            List<ProducerRecord<String, byte[]>> records,
            int maxInFlight,
            Duration warmup,
            Duration measure)
            throws Exception {
        try (KafkaProducer<String, byte[]> producer =
                new KafkaProducer<>(
                        KafkaPublisher.producerConfig(bootstrapServers, Duration.ofSeconds(30)))) {
            window(producer, records, maxInFlight, warmup, new CollectorBench.Result());
            CollectorBench.Result result = new CollectorBench.Result();
            ThreadCpu cpu = new ThreadCpu();
            window(producer, records, maxInFlight, measure, result);
            result.cpuNanos = cpu.since(java.util.Set.of())[0];
            return result;
        }
    }

    private static void window(
            KafkaProducer<String, byte[]> producer,
            List<ProducerRecord<String, byte[]>> records,
            int maxInFlight,
            Duration d,
            CollectorBench.Result result)
            throws InterruptedException {
        Semaphore inFlight = new Semaphore(maxInFlight);
        long deadline = System.nanoTime() + d.toNanos();
        int next = 0;
        while (System.nanoTime() < deadline) {
            if (!inFlight.tryAcquire(10, TimeUnit.MILLISECONDS)) {
                continue;
            }
            long start = System.nanoTime();
            producer.send(
                    records.get(next++ % records.size()),
                    (metadata, error) -> {
                        // Result is not thread-safe: only the producer's I/O thread runs callbacks.
                        long end = System.nanoTime();
                        if (end <= deadline) {
                            result.record(end - start, error == null);
                        }
                        inFlight.release();
                    });
        }
        inFlight.acquire(maxInFlight); // drain: every record of the window is acknowledged
        result.seconds = d.toNanos() / 1e9;
    }
}
