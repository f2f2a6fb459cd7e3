package vn.speedwatch.jobs.functions;

import org.apache.flink.api.common.serialization.SerializerConfig;
import org.apache.flink.api.common.typeinfo.TypeInfoFactory;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.base.TypeSerializerSingleton;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

import vn.speedwatch.model.QualitySketch;

import java.io.IOException;
import java.lang.reflect.Type;
import java.util.HashMap;
import java.util.Map;

/**
 * Serializes {@link QualityAccumulator} for window state and checkpoints: numbers, the device
 * counts and the three sketches in the {@link QualitySketch} encoding. Version 1 of the format.
 */
public final class QualityAccumulatorSerializer
        extends TypeSerializerSingleton<QualityAccumulator> {

    private static final long serialVersionUID = 1L;
    public static final QualityAccumulatorSerializer INSTANCE = new QualityAccumulatorSerializer();

    @Override
    public boolean isImmutableType() {
        return false;
    }

    @Override
    public QualityAccumulator createInstance() {
        return new QualityAccumulator();
    }

    @Override
    public QualityAccumulator copy(QualityAccumulator from) {
        return from.copy();
    }

    @Override
    public QualityAccumulator copy(QualityAccumulator from, QualityAccumulator reuse) {
        return from.copy();
    }

    @Override
    public int getLength() {
        return -1;
    }

    @Override
    public void serialize(QualityAccumulator a, DataOutputView out) throws IOException {
        out.writeLong(a.count);
        out.writeDouble(a.downloadSum);
        out.writeDouble(a.uploadSum);
        out.writeDouble(a.latencySum);
        out.writeLong(a.qcvnEvaluated);
        out.writeLong(a.belowQcvn);
        out.writeInt(a.devices.size());
        for (Map.Entry<String, Integer> e : a.devices.entrySet()) {
            out.writeUTF(e.getKey());
            out.writeInt(e.getValue());
        }
        writeBytes(QualitySketch.toBytes(a.download), out);
        writeBytes(QualitySketch.toBytes(a.upload), out);
        writeBytes(QualitySketch.toBytes(a.latency), out);
    }

    @Override
    public QualityAccumulator deserialize(DataInputView in) throws IOException {
        QualityAccumulator a = new QualityAccumulator();
        a.count = in.readLong();
        a.downloadSum = in.readDouble();
        a.uploadSum = in.readDouble();
        a.latencySum = in.readDouble();
        a.qcvnEvaluated = in.readLong();
        a.belowQcvn = in.readLong();
        int devices = in.readInt();
        a.devices = new HashMap<>(Math.max(4, devices * 2));
        for (int i = 0; i < devices; i++) {
            a.devices.put(in.readUTF(), in.readInt());
        }
        a.download = QualitySketch.fromBytes(readBytes(in));
        a.upload = QualitySketch.fromBytes(readBytes(in));
        a.latency = QualitySketch.fromBytes(readBytes(in));
        return a;
    }

    @Override
    public QualityAccumulator deserialize(QualityAccumulator reuse, DataInputView in)
            throws IOException {
        return deserialize(in);
    }

    @Override
    public void copy(DataInputView in, DataOutputView out) throws IOException {
        serialize(deserialize(in), out);
    }

    @Override
    public TypeSerializerSnapshot<QualityAccumulator> snapshotConfiguration() {
        return new Snapshot();
    }

    private static void writeBytes(byte[] bytes, DataOutputView out) throws IOException {
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static byte[] readBytes(DataInputView in) throws IOException {
        byte[] bytes = new byte[in.readInt()];
        in.readFully(bytes);
        return bytes;
    }

    /** Restores the serializer from checkpoints and savepoints. */
    public static final class Snapshot extends SimpleTypeSerializerSnapshot<QualityAccumulator> {
        public Snapshot() {
            super(() -> INSTANCE);
        }
    }

    /** Declares the type information of {@link QualityAccumulator} (see its annotation). */
    public static final class Factory extends TypeInfoFactory<QualityAccumulator> {
        @Override
        public TypeInformation<QualityAccumulator> createTypeInfo(
                Type t, Map<String, TypeInformation<?>> genericParameters) {
            return new Info();
        }
    }

    /** Type information backed by this serializer. */
    public static final class Info extends TypeInformation<QualityAccumulator> {
        private static final long serialVersionUID = 1L;

        @Override
        public boolean isBasicType() {
            return false;
        }

        @Override
        public boolean isTupleType() {
            return false;
        }

        @Override
        public int getArity() {
            return 1;
        }

        @Override
        public int getTotalFields() {
            return 1;
        }

        @Override
        public Class<QualityAccumulator> getTypeClass() {
            return QualityAccumulator.class;
        }

        @Override
        public boolean isKeyType() {
            return false;
        }

        @Override
        public TypeSerializer<QualityAccumulator> createSerializer(SerializerConfig config) {
            return INSTANCE;
        }

        @Override
        public String toString() {
            return "QualityAccumulator";
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Info;
        }

        @Override
        public int hashCode() {
            return Info.class.hashCode();
        }

        @Override
        public boolean canEqual(Object o) {
            return o instanceof Info;
        }
    }
}
