package vn.speedwatch.collector;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import vn.speedwatch.model.Json;
import vn.speedwatch.model.MeasurementEvent;

/** Reads a topic back from the beginning, as the stream job would, for assertions. */
final class TopicReader {

    private final String bootstrap;
    private final String topic;

    TopicReader(String bootstrap, String topic) {
        this.bootstrap = bootstrap;
        this.topic = topic;
    }

    /** Every record on the topic now, as key and parsed event. */
    List<Map.Entry<String, MeasurementEvent>> all() {
        List<Map.Entry<String, MeasurementEvent>> out = new ArrayList<>();
        try (KafkaConsumer<String, String> c = consumer()) {
            List<TopicPartition> parts = partitions(c);
            c.assign(parts);
            c.seekToBeginning(parts);
            Map<TopicPartition, Long> end = c.endOffsets(parts);
            while (parts.stream().anyMatch(p -> c.position(p) < end.get(p))) {
                for (ConsumerRecord<String, String> r : c.poll(Duration.ofMillis(200))) {
                    out.add(Map.entry(r.key(), parse(r.value())));
                }
            }
        }
        return out;
    }

    /** The sum of the end offsets: moves whenever anything is written. */
    long endOffsetSum() {
        try (KafkaConsumer<String, String> c = consumer()) {
            return c.endOffsets(partitions(c)).values().stream().mapToLong(Long::longValue).sum();
        }
    }

    private List<TopicPartition> partitions(KafkaConsumer<String, String> c) {
        List<PartitionInfo> infos = c.partitionsFor(topic, Duration.ofSeconds(20));
        return infos.stream().map(i -> new TopicPartition(topic, i.partition())).toList();
    }

    private KafkaConsumer<String, String> consumer() {
        return new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrap,
                        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                        false,
                        ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                        "read_committed",
                        ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                        StringDeserializer.class,
                        ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                        StringDeserializer.class));
    }

    private static MeasurementEvent parse(String json) {
        try {
            return Json.mapper().readValue(json, MeasurementEvent.class);
        } catch (Exception e) {
            throw new AssertionError("not a MeasurementEvent: " + json, e);
        }
    }
}
