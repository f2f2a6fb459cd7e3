package vn.speedwatch.console.browser;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import vn.speedwatch.model.Json;
import vn.speedwatch.model.MeasurementEvent;

/** Reads the one-partition measurements topic from the start, as the stream job would. */
final class Topic {

    static final String NAME = "speedwatch.measurements";

    private final String bootstrap;

    Topic(String bootstrap) {
        this.bootstrap = bootstrap;
    }

    List<MeasurementEvent> events() throws Exception {
        List<MeasurementEvent> out = new ArrayList<>();
        try (KafkaConsumer<String, String> c =
                new KafkaConsumer<>(
                        Map.of(
                                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                                bootstrap,
                                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                                false),
                        new StringDeserializer(),
                        new StringDeserializer())) {
            TopicPartition p = new TopicPartition(NAME, 0);
            c.assign(List.of(p));
            c.seekToBeginning(List.of(p));
            long end = c.endOffsets(List.of(p)).get(p);
            while (c.position(p) < end) {
                for (ConsumerRecord<String, String> r : c.poll(Duration.ofMillis(200))) {
                    out.add(Json.mapper().readValue(r.value(), MeasurementEvent.class));
                }
            }
        }
        return out;
    }
}
