package vn.speedwatch.jobs.sources;

import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import vn.speedwatch.jobs.records.RawEvent;

/**
 * The measurements topic as an {@link EventSource}. It starts from the group's committed offsets
 * (the earliest for a new group) and, with checkpointing on, resumes from the checkpointed ones.
 * Watermarks are assigned after parsing, where {@code measuredAt} is known.
 *
 * @param bounded stop at the offsets current when the job starts (tests and replays)
 */
public record KafkaEventSource(
        String bootstrapServers, String topic, String groupId, boolean bounded)
        implements EventSource {

    @Override
    public DataStream<RawEvent> attach(StreamExecutionEnvironment env) {
        var builder =
                KafkaSource.<RawEvent>builder()
                        .setBootstrapServers(bootstrapServers)
                        .setTopics(topic)
                        .setGroupId(groupId)
                        .setStartingOffsets(
                                OffsetsInitializer.committedOffsets(OffsetResetStrategy.EARLIEST))
                        .setDeserializer(new RawEventDeserializer())
                        .setProperty("partition.discovery.interval.ms", bounded ? "-1" : "60000")
                        .setProperty("commit.offsets.on.checkpoint", "true");
        if (bounded) {
            builder.setBounded(OffsetsInitializer.latest());
        }
        return env.fromSource(builder.build(), WatermarkStrategy.noWatermarks(), "Kafka: " + topic)
                .uid("kafka-measurements");
    }
}
