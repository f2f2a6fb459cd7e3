package vn.speedwatch.jobs.sources;

import java.nio.charset.StandardCharsets;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import vn.speedwatch.jobs.records.RawEvent;

/**
 * Reads a topic record as key and value text without interpreting it: decoding cannot fail, so a
 * malformed value becomes a dead letter in the parse stage instead of a failing source.
 */
public class RawEventDeserializer implements KafkaRecordDeserializationSchema<RawEvent> {

    private static final long serialVersionUID = 1L;

    @Override
    public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<RawEvent> out) {
        out.collect(
                new RawEvent(
                        text(record.key()),
                        text(record.value()),
                        position(record.topic(), record.partition(), record.offset())));
    }

    /** A record's place in Kafka: what a replay re-reads is the same record. */
    public static String position(String topic, int partition, long offset) {
        return "kafka:" + topic + "/" + partition + "/" + offset;
    }

    @Override
    public TypeInformation<RawEvent> getProducedType() {
        return TypeInformation.of(RawEvent.class);
    }

    private static String text(byte[] bytes) {
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }
}
