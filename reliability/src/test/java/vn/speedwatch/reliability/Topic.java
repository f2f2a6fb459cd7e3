package vn.speedwatch.reliability;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/** Reads the measurements topic back as raw bytes, as an auditor would. */
final class Topic {

    /** One record as stored: key and value bytes. */
    record Raw(byte[] key, byte[] value) {
        String keyText() {
            return key == null ? "" : new String(key, java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    private final String bootstrap;

    Topic(String bootstrap) {
        this.bootstrap = bootstrap;
    }

    /** Every committed record on the topic now. */
    List<Raw> all() {
        List<Raw> out = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> c = consumer()) {
            List<TopicPartition> parts = partitions(c);
            c.assign(parts);
            c.seekToBeginning(parts);
            Map<TopicPartition, Long> end = c.endOffsets(parts);
            while (parts.stream().anyMatch(p -> c.position(p) < end.get(p))) {
                for (ConsumerRecord<byte[], byte[]> r : c.poll(Duration.ofMillis(200))) {
                    out.add(new Raw(r.key(), r.value()));
                }
            }
        }
        return out;
    }

    /** The sum of the end offsets: moves whenever anything is written. */
    long endOffsetSum() {
        try (KafkaConsumer<byte[], byte[]> c = consumer()) {
            return c.endOffsets(partitions(c)).values().stream().mapToLong(Long::longValue).sum();
        }
    }

    private static List<TopicPartition> partitions(KafkaConsumer<byte[], byte[]> c) {
        return c.partitionsFor(Fixtures.TOPIC, Duration.ofSeconds(30)).stream()
                .map(i -> new TopicPartition(Fixtures.TOPIC, i.partition()))
                .toList();
    }

    private KafkaConsumer<byte[], byte[]> consumer() {
        return new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrap,
                        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                        false,
                        ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                        "read_committed",
                        ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                        ByteArrayDeserializer.class,
                        ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                        ByteArrayDeserializer.class));
    }
}
