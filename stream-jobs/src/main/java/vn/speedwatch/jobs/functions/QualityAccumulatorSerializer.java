package vn.speedwatch.jobs.functions;

import java.io.IOException;
import java.lang.reflect.Type;
import java.util.HashMap;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.TypeInfoFactory;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSchemaCompatibility;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import vn.speedwatch.jobs.records.SerializerTypeInfo;
import vn.speedwatch.jobs.records.StatelessSerializer;
import vn.speedwatch.model.QualitySketch;

/**
 * Serializes {@link QualityAccumulator} for window state and checkpoints: numbers, the device
 * counts and the three sketches in the {@link QualitySketch} encoding.
 *
 * <p>Format 2 adds the 2030-target and IPv6 counts after the QCVN counts. State written in format 1
 * (before them) is restored: its {@link Snapshot} says "compatible after migration", Flink reads it
 * with a format-1 serializer (the new counts start at zero) and rewrites it in format 2.
 */
public final class QualityAccumulatorSerializer extends StatelessSerializer<QualityAccumulator> {

    private static final long serialVersionUID = 2L;
    static final int FORMAT = 2;
    public static final QualityAccumulatorSerializer INSTANCE =
            new QualityAccumulatorSerializer(FORMAT);

    private final int format;

    QualityAccumulatorSerializer(int format) {
        if (format < 1 || format > FORMAT) {
            throw new IllegalArgumentException(
                    "QualityAccumulator state format "
                            + format
                            + " is unknown (1.."
                            + FORMAT
                            + ")");
        }
        this.format = format;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof QualityAccumulatorSerializer s && s.format == format;
    }

    @Override
    public int hashCode() {
        return 31 * QualityAccumulatorSerializer.class.hashCode() + format;
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
    public void serialize(QualityAccumulator a, DataOutputView out) throws IOException {
        out.writeLong(a.count);
        out.writeDouble(a.downloadSum);
        out.writeDouble(a.uploadSum);
        out.writeDouble(a.latencySum);
        out.writeLong(a.qcvnEvaluated);
        out.writeLong(a.belowQcvn);
        if (format >= 2) {
            out.writeLong(a.target2030Evaluated);
            out.writeLong(a.target2030Pass);
            out.writeLong(a.planGigabit);
            out.writeLong(a.ipKnown);
            out.writeLong(a.ipv6);
        }
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
        if (format >= 2) {
            a.target2030Evaluated = in.readLong();
            a.target2030Pass = in.readLong();
            a.planGigabit = in.readLong();
            a.ipKnown = in.readLong();
            a.ipv6 = in.readLong();
        }
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
    public TypeSerializerSnapshot<QualityAccumulator> snapshotConfiguration() {
        return new Snapshot(format);
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

    /**
     * Restores the serializer from checkpoints and savepoints. Snapshot version 3 is what format-1
     * state wrote (a {@code SimpleTypeSerializerSnapshot}, no payload); version 4 stores the
     * format.
     */
    public static final class Snapshot implements TypeSerializerSnapshot<QualityAccumulator> {
        private static final int VERSION = 4;
        private static final int FORMAT_1_VERSION = 3;
        private int format;

        /** For Flink, which reads the payload next. */
        public Snapshot() {
            this(FORMAT);
        }

        Snapshot(int format) {
            this.format = format;
        }

        @Override
        public int getCurrentVersion() {
            return VERSION;
        }

        @Override
        public void writeSnapshot(DataOutputView out) throws IOException {
            out.writeInt(format);
        }

        @Override
        public void readSnapshot(int readVersion, DataInputView in, ClassLoader classLoader)
                throws IOException {
            format = readVersion <= FORMAT_1_VERSION ? 1 : in.readInt();
        }

        @Override
        public TypeSerializer<QualityAccumulator> restoreSerializer() {
            return format == FORMAT ? INSTANCE : new QualityAccumulatorSerializer(format);
        }

        @Override
        public TypeSerializerSchemaCompatibility<QualityAccumulator> resolveSchemaCompatibility(
                TypeSerializerSnapshot<QualityAccumulator> oldSnapshot) {
            if (!(oldSnapshot instanceof Snapshot old)) {
                return TypeSerializerSchemaCompatibility.incompatible();
            }
            return old.format == format
                    ? TypeSerializerSchemaCompatibility.compatibleAsIs()
                    : TypeSerializerSchemaCompatibility.compatibleAfterMigration();
        }
    }

    /** Declares the type information of {@link QualityAccumulator} (see its annotation). */
    public static final class Factory extends TypeInfoFactory<QualityAccumulator> {
        @Override
        public TypeInformation<QualityAccumulator> createTypeInfo(
                Type t, Map<String, TypeInformation<?>> genericParameters) {
            return new SerializerTypeInfo<>(QualityAccumulator.class, INSTANCE);
        }
    }
}
