package vn.speedwatch.jobs.records;

import static vn.speedwatch.jobs.records.RecordFields.readBoolean;
import static vn.speedwatch.jobs.records.RecordFields.readDouble;
import static vn.speedwatch.jobs.records.RecordFields.readInt;
import static vn.speedwatch.jobs.records.RecordFields.readString;
import static vn.speedwatch.jobs.records.RecordFields.writeBoolean;
import static vn.speedwatch.jobs.records.RecordFields.writeDouble;
import static vn.speedwatch.jobs.records.RecordFields.writeInt;
import static vn.speedwatch.jobs.records.RecordFields.writeString;

import java.io.IOException;
import java.lang.reflect.Type;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.TypeInfoFactory;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * Serializes {@link EnrichedMeasurement} over the shuffles after enrichment (the device cap, the
 * hour and day windows, the heatmap): every field in a fixed order, written directly. The
 * reflective POJO serializer boxed each number to write it and set every field by reflection to
 * read it, four times per measurement (issue #5 profile). Not used for state.
 */
public final class EnrichedMeasurementSerializer extends StatelessSerializer<EnrichedMeasurement> {

    private static final long serialVersionUID = 1L;
    public static final EnrichedMeasurementSerializer INSTANCE =
            new EnrichedMeasurementSerializer();

    private EnrichedMeasurementSerializer() {}

    @Override
    public EnrichedMeasurement createInstance() {
        return new EnrichedMeasurement();
    }

    @Override
    public EnrichedMeasurement copy(EnrichedMeasurement from) {
        EnrichedMeasurement m = new EnrichedMeasurement();
        m.id = from.id;
        m.measuredAtMillis = from.measuredAtMillis;
        m.receivedAtMillis = from.receivedAtMillis;
        m.downloadMbps = from.downloadMbps;
        m.uploadMbps = from.uploadMbps;
        m.latencyMs = from.latencyMs;
        m.jitterMs = from.jitterMs;
        m.packetLossPercent = from.packetLossPercent;
        m.loadedLatencyMs = from.loadedLatencyMs;
        m.operator = from.operator;
        m.operatorRaw = from.operatorRaw;
        m.accessType = from.accessType;
        m.planDownloadMbps = from.planDownloadMbps;
        m.planUploadMbps = from.planUploadMbps;
        m.tdpCode = from.tdpCode;
        m.cellId = from.cellId;
        m.quadkey = from.quadkey;
        m.server = from.server;
        m.client = from.client;
        m.ipVersion = from.ipVersion;
        m.deviceHash = from.deviceHash;
        m.apiKeyId = from.apiKeyId;
        m.qcvnPass = from.qcvnPass;
        m.target2030Pass = from.target2030Pass;
        m.note = from.note;
        m.erasure = from.erasure;
        return m;
    }

    @Override
    public void serialize(EnrichedMeasurement m, DataOutputView out) throws IOException {
        writeString(m.id, out);
        out.writeLong(m.measuredAtMillis);
        out.writeLong(m.receivedAtMillis);
        out.writeDouble(m.downloadMbps);
        out.writeDouble(m.uploadMbps);
        out.writeDouble(m.latencyMs);
        writeDouble(m.jitterMs, out);
        writeDouble(m.packetLossPercent, out);
        writeDouble(m.loadedLatencyMs, out);
        writeString(m.operator, out);
        writeString(m.operatorRaw, out);
        writeString(m.accessType, out);
        writeDouble(m.planDownloadMbps, out);
        writeDouble(m.planUploadMbps, out);
        writeString(m.tdpCode, out);
        writeString(m.cellId, out);
        writeString(m.quadkey, out);
        writeString(m.server, out);
        writeString(m.client, out);
        writeInt(m.ipVersion, out);
        writeString(m.deviceHash, out);
        writeString(m.apiKeyId, out);
        writeBoolean(m.qcvnPass, out);
        writeBoolean(m.target2030Pass, out);
        writeString(m.note, out);
        out.writeBoolean(m.erasure);
    }

    @Override
    public EnrichedMeasurement deserialize(DataInputView in) throws IOException {
        EnrichedMeasurement m = new EnrichedMeasurement();
        m.id = readString(in);
        m.measuredAtMillis = in.readLong();
        m.receivedAtMillis = in.readLong();
        m.downloadMbps = in.readDouble();
        m.uploadMbps = in.readDouble();
        m.latencyMs = in.readDouble();
        m.jitterMs = readDouble(in);
        m.packetLossPercent = readDouble(in);
        m.loadedLatencyMs = readDouble(in);
        m.operator = readString(in);
        m.operatorRaw = readString(in);
        m.accessType = readString(in);
        m.planDownloadMbps = readDouble(in);
        m.planUploadMbps = readDouble(in);
        m.tdpCode = readString(in);
        m.cellId = readString(in);
        m.quadkey = readString(in);
        m.server = readString(in);
        m.client = readString(in);
        m.ipVersion = readInt(in);
        m.deviceHash = readString(in);
        m.apiKeyId = readString(in);
        m.qcvnPass = readBoolean(in);
        m.target2030Pass = readBoolean(in);
        m.note = readString(in);
        m.erasure = in.readBoolean();
        return m;
    }

    @Override
    public TypeSerializerSnapshot<EnrichedMeasurement> snapshotConfiguration() {
        return new Snapshot();
    }

    /** Restores the serializer; the format has one version. */
    public static final class Snapshot extends SimpleTypeSerializerSnapshot<EnrichedMeasurement> {
        public Snapshot() {
            super(() -> INSTANCE);
        }
    }

    /** Declares the type information of {@link EnrichedMeasurement} (see its annotation). */
    public static final class Factory extends TypeInfoFactory<EnrichedMeasurement> {
        @Override
        public TypeInformation<EnrichedMeasurement> createTypeInfo(
                Type t, Map<String, TypeInformation<?>> genericParameters) {
            return new SerializerTypeInfo<>(EnrichedMeasurement.class, INSTANCE);
        }
    }
}
