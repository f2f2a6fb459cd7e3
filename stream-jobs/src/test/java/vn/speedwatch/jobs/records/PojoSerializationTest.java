package vn.speedwatch.jobs.records;

import static org.apache.flink.types.PojoTestUtils.assertSerializedAsPojo;
import static org.assertj.core.api.Assertions.assertThat;

import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.junit.jupiter.api.Test;
import vn.speedwatch.jobs.functions.QualityAccumulator;
import vn.speedwatch.jobs.functions.QualityAccumulatorSerializer;

/** With {@code pipeline.generic-types: false} a Kryo fallback fails the job; catch it here. */
class PojoSerializationTest {

    @Test
    void everyRecordOfTheJobIsAFlinkPojo() {
        assertSerializedAsPojo(RawEvent.class);
        assertSerializedAsPojo(ParsedEvent.class);
        assertSerializedAsPojo(EnrichedMeasurement.class);
        assertSerializedAsPojo(RawChange.class);
        assertSerializedAsPojo(DeadLetter.class);
        assertSerializedAsPojo(QualityAggregate.class);
    }

    @Test
    void theWindowAccumulatorHasItsOwnSerializerNotKryo() {
        assertThat(
                        TypeInformation.of(QualityAccumulator.class)
                                .createSerializer(new SerializerConfigImpl()))
                .isInstanceOf(QualityAccumulatorSerializer.class);
    }
}
