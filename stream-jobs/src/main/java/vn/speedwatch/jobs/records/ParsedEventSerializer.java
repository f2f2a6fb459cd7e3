package vn.speedwatch.jobs.records;

import static vn.speedwatch.jobs.records.RecordFields.readDouble;
import static vn.speedwatch.jobs.records.RecordFields.readInt;
import static vn.speedwatch.jobs.records.RecordFields.readString;
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
 * Serializes {@link ParsedEvent} over the shuffle to the de-duplication stage: every field in a
 * fixed order, written directly. The reflective POJO serializer boxed each number to write it and
 * set every field by reflection to read it, once per event (issue #5 profile). Not used for state.
 */
public final class ParsedEventSerializer extends StatelessSerializer<ParsedEvent> {

    private static final long serialVersionUID = 1L;
    public static final ParsedEventSerializer INSTANCE = new ParsedEventSerializer();

    /** {@link ParsedEvent#type} as one byte: these two constants are all the parser sets. */
    private static final byte OTHER_TYPE = 0;

    private static final byte MEASUREMENT = 1;
    private static final byte ERASURE = 2;

    private ParsedEventSerializer() {}

    @Override
    public ParsedEvent createInstance() {
        return new ParsedEvent();
    }

    @Override
    public ParsedEvent copy(ParsedEvent from) {
        ParsedEvent e = new ParsedEvent();
        e.type = from.type;
        e.id = from.id;
        e.measuredAtMillis = from.measuredAtMillis;
        e.receivedAtMillis = from.receivedAtMillis;
        e.downloadMbps = from.downloadMbps;
        e.uploadMbps = from.uploadMbps;
        e.latencyMs = from.latencyMs;
        e.jitterMs = from.jitterMs;
        e.packetLossPercent = from.packetLossPercent;
        e.loadedLatencyMs = from.loadedLatencyMs;
        e.operatorRaw = from.operatorRaw;
        e.accessType = from.accessType;
        e.planDownloadMbps = from.planDownloadMbps;
        e.planUploadMbps = from.planUploadMbps;
        e.latitude = from.latitude;
        e.longitude = from.longitude;
        e.accuracyM = from.accuracyM;
        e.chosenTdpCode = from.chosenTdpCode;
        e.server = from.server;
        e.client = from.client;
        e.ipVersion = from.ipVersion;
        e.deviceHash = from.deviceHash;
        e.apiKeyId = from.apiKeyId;
        e.note = from.note;
        e.erasedKnown = from.erasedKnown;
        return e;
    }

    @Override
    public void serialize(ParsedEvent e, DataOutputView out) throws IOException {
        if (ParsedEvent.MEASUREMENT.equals(e.type)) {
            out.writeByte(MEASUREMENT);
        } else if (ParsedEvent.ERASURE.equals(e.type)) {
            out.writeByte(ERASURE);
        } else {
            out.writeByte(OTHER_TYPE);
            writeString(e.type, out);
        }
        writeString(e.id, out);
        out.writeLong(e.measuredAtMillis);
        out.writeLong(e.receivedAtMillis);
        out.writeDouble(e.downloadMbps);
        out.writeDouble(e.uploadMbps);
        out.writeDouble(e.latencyMs);
        writeDouble(e.jitterMs, out);
        writeDouble(e.packetLossPercent, out);
        writeDouble(e.loadedLatencyMs, out);
        writeString(e.operatorRaw, out);
        writeString(e.accessType, out);
        writeDouble(e.planDownloadMbps, out);
        writeDouble(e.planUploadMbps, out);
        writeDouble(e.latitude, out);
        writeDouble(e.longitude, out);
        writeDouble(e.accuracyM, out);
        writeString(e.chosenTdpCode, out);
        writeString(e.server, out);
        writeString(e.client, out);
        writeInt(e.ipVersion, out);
        writeString(e.deviceHash, out);
        writeString(e.apiKeyId, out);
        writeString(e.note, out);
        out.writeBoolean(e.erasedKnown);
    }

    @Override
    public ParsedEvent deserialize(DataInputView in) throws IOException {
        ParsedEvent e = new ParsedEvent();
        byte type = in.readByte();
        e.type =
                switch (type) {
                    case MEASUREMENT -> ParsedEvent.MEASUREMENT;
                    case ERASURE -> ParsedEvent.ERASURE;
                    default -> readString(in);
                };
        e.id = readString(in);
        e.measuredAtMillis = in.readLong();
        e.receivedAtMillis = in.readLong();
        e.downloadMbps = in.readDouble();
        e.uploadMbps = in.readDouble();
        e.latencyMs = in.readDouble();
        e.jitterMs = readDouble(in);
        e.packetLossPercent = readDouble(in);
        e.loadedLatencyMs = readDouble(in);
        e.operatorRaw = readString(in);
        e.accessType = readString(in);
        e.planDownloadMbps = readDouble(in);
        e.planUploadMbps = readDouble(in);
        e.latitude = readDouble(in);
        e.longitude = readDouble(in);
        e.accuracyM = readDouble(in);
        e.chosenTdpCode = readString(in);
        e.server = readString(in);
        e.client = readString(in);
        e.ipVersion = readInt(in);
        e.deviceHash = readString(in);
        e.apiKeyId = readString(in);
        e.note = readString(in);
        e.erasedKnown = in.readBoolean();
        return e;
    }

    @Override
    public TypeSerializerSnapshot<ParsedEvent> snapshotConfiguration() {
        return new Snapshot();
    }

    /** Restores the serializer; the format has one version. */
    public static final class Snapshot extends SimpleTypeSerializerSnapshot<ParsedEvent> {
        public Snapshot() {
            super(() -> INSTANCE);
        }
    }

    /** Declares the type information of {@link ParsedEvent} (see its annotation). */
    public static final class Factory extends TypeInfoFactory<ParsedEvent> {
        @Override
        public TypeInformation<ParsedEvent> createTypeInfo(
                Type t, Map<String, TypeInformation<?>> genericParameters) {
            return new SerializerTypeInfo<>(ParsedEvent.class, INSTANCE);
        }
    }
}
