package vn.speedwatch.jobs.records;

import static org.apache.flink.types.PojoTestUtils.assertSerializedAsPojo;
import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;
import vn.speedwatch.jobs.functions.QualityAccumulator;
import vn.speedwatch.jobs.functions.QualityAccumulatorSerializer;

/** With {@code pipeline.generic-types: false} a Kryo fallback fails the job; catch it here. */
class PojoSerializationTest {

    @Test
    void everyOtherRecordOfTheJobIsAFlinkPojo() {
        assertSerializedAsPojo(RawEvent.class);
        assertSerializedAsPojo(RawChange.class);
        assertSerializedAsPojo(DeadLetter.class);
        assertSerializedAsPojo(QualityAggregate.class);
    }

    @Test
    void theWindowAccumulatorHasItsOwnSerializerNotKryo() {
        assertThat(serializerOf(QualityAccumulator.class))
                .isInstanceOf(QualityAccumulatorSerializer.class);
    }

    @Test
    void theShuffledRecordsHaveTheirOwnSerializers() {
        assertThat(serializerOf(ParsedEvent.class)).isSameAs(ParsedEventSerializer.INSTANCE);
        assertThat(serializerOf(EnrichedMeasurement.class))
                .isSameAs(EnrichedMeasurementSerializer.INSTANCE);
    }

    @Test
    void theShuffledRecordsKeepEveryFieldThroughSerializationAndCopy() throws Exception {
        for (int variant = 0; variant < 2; variant++) {
            assertRoundTrip(ParsedEventSerializer.INSTANCE, filled(new ParsedEvent(), variant));
            assertRoundTrip(
                    EnrichedMeasurementSerializer.INSTANCE,
                    filled(new EnrichedMeasurement(), variant));
        }
        assertRoundTrip(ParsedEventSerializer.INSTANCE, new ParsedEvent()); // every field null
        assertRoundTrip(EnrichedMeasurementSerializer.INSTANCE, new EnrichedMeasurement());
        for (String type : new String[] {ParsedEvent.MEASUREMENT, ParsedEvent.ERASURE}) {
            ParsedEvent e = filled(new ParsedEvent(), 0);
            e.type = type;
            assertRoundTrip(ParsedEventSerializer.INSTANCE, e);
        }
    }

    private static <T> void assertRoundTrip(TypeSerializer<T> serializer, T record)
            throws Exception {
        DataOutputSerializer out = new DataOutputSerializer(64);
        serializer.serialize(record, out);
        serializer.serialize(record, out); // two in a row: each reads exactly its own bytes
        DataInputDeserializer in = new DataInputDeserializer(out.getCopyOfBuffer());
        assertThat(serializer.deserialize(in)).usingRecursiveComparison().isEqualTo(record);
        assertThat(serializer.deserialize(in)).usingRecursiveComparison().isEqualTo(record);
        assertThat(in.available()).isZero();
        assertThat(serializer.copy(record)).usingRecursiveComparison().isEqualTo(record);
    }

    /**
     * {@code record} with every public field set to a value that differs per field and per variant
     * (booleans: true in variant 0, false in variant 1), so that a field a serializer skips or
     * mixes up with another shows.
     */
    private static <T> T filled(T record, int variant) throws IllegalAccessException {
        int n = 1;
        for (Field f : record.getClass().getFields()) {
            if (Modifier.isStatic(f.getModifiers())) {
                continue;
            }
            int v = n++ * 10 + variant;
            Class<?> t = f.getType();
            if (t == String.class) {
                f.set(record, "text-" + v + (variant == 1 ? "-ẞ" : ""));
            } else if (t == long.class) {
                f.setLong(record, 1_000_000_000_000L + v);
            } else if (t == double.class || t == Double.class) {
                f.set(record, v + 0.25);
            } else if (t == int.class || t == Integer.class) {
                f.set(record, v);
            } else if (t == boolean.class || t == Boolean.class) {
                f.set(record, variant == 0);
            } else {
                throw new AssertionError("no test value for field " + f + " of type " + t);
            }
        }
        return record;
    }

    private static TypeSerializer<?> serializerOf(Class<?> type) {
        return TypeInformation.of(type).createSerializer(new SerializerConfigImpl());
    }
}
