package vn.speedwatch.jobs.records;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;

/**
 * What the de-duplication state keeps of one id, as one compact byte array: whether it was erased
 * and — for a measurement — only what places it in its cells and what the aggregates added, so that
 * an erasure can be turned into the erasure of that measurement.
 *
 * <p>A byte array instead of a POJO (issue #5): there is one per measurement of the TTL (a week),
 * written in every full checkpoint of the heap backend. As a POJO with boxed numbers and strings it
 * took ≈ 0.5 KB of heap per id with its timer and TTL wrapper, and serializing it field by field
 * was most of the job's checkpoint time. A byte array is one object (≈ 100 bytes for a measurement)
 * that the state backend writes and copies with one array copy.
 *
 * <p>Format: a kind byte ({@link #ERASED_ID} or {@link #MEASUREMENT}); for a measurement then the
 * presence bits of the optional fields, measured-at, the three results, the present optional
 * numbers, the access type and the present optional strings.
 */
public final class RememberedMeasurement {

    private static final byte ERASED_ID = 0;
    private static final byte MEASUREMENT = 1;

    private static final int PLAN_DOWNLOAD = 1;
    private static final int PLAN_UPLOAD = 1 << 1;
    private static final int LATITUDE = 1 << 2;
    private static final int LONGITUDE = 1 << 3;
    private static final int OPERATOR_RAW = 1 << 4;
    private static final int CHOSEN_TDP = 1 << 5;
    private static final int DEVICE_HASH = 1 << 6;

    /** The mark of an erased id; state values are never changed in place, so one is shared. */
    private static final byte[] ERASED = {ERASED_ID};

    private RememberedMeasurement() {}

    /** The mark of an erased id. */
    public static byte[] erasedId() {
        return ERASED;
    }

    public static boolean isErasedId(byte[] remembered) {
        return remembered[0] == ERASED_ID;
    }

    /**
     * The remembered part of measurement {@code m}, encoded in {@code buffer} (cleared first, so
     * the caller can reuse one) and copied out.
     */
    public static byte[] of(ParsedEvent m, DataOutputSerializer buffer) {
        buffer.clear();
        try {
            buffer.writeByte(MEASUREMENT);
            buffer.writeByte(
                    (m.planDownloadMbps != null ? PLAN_DOWNLOAD : 0)
                            | (m.planUploadMbps != null ? PLAN_UPLOAD : 0)
                            | (m.latitude != null ? LATITUDE : 0)
                            | (m.longitude != null ? LONGITUDE : 0)
                            | (m.operatorRaw != null ? OPERATOR_RAW : 0)
                            | (m.chosenTdpCode != null ? CHOSEN_TDP : 0)
                            | (m.deviceHash != null ? DEVICE_HASH : 0));
            buffer.writeLong(m.measuredAtMillis);
            buffer.writeDouble(m.downloadMbps);
            buffer.writeDouble(m.uploadMbps);
            buffer.writeDouble(m.latencyMs);
            writeIfPresent(m.planDownloadMbps, buffer);
            writeIfPresent(m.planUploadMbps, buffer);
            writeIfPresent(m.latitude, buffer);
            writeIfPresent(m.longitude, buffer);
            buffer.writeUTF(m.accessType);
            writeIfPresent(m.operatorRaw, buffer);
            writeIfPresent(m.chosenTdpCode, buffer);
            writeIfPresent(m.deviceHash, buffer);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // an in-memory buffer grows, it does not fail
        }
        return buffer.getCopyOfBuffer();
    }

    /**
     * The erasure of remembered measurement {@code remembered} (not an {@link #erasedId()}), of id
     * {@code id}, requested at the given time.
     */
    public static ParsedEvent erasure(byte[] remembered, String id, long requestedAtMillis) {
        ParsedEvent e = new ParsedEvent();
        e.type = ParsedEvent.ERASURE;
        e.id = id;
        e.receivedAtMillis = requestedAtMillis;
        e.erasedKnown = true;
        DataInputDeserializer in = new DataInputDeserializer(remembered);
        try {
            if (in.readByte() != MEASUREMENT) {
                throw new IllegalArgumentException("not a remembered measurement");
            }
            int present = in.readByte();
            e.measuredAtMillis = in.readLong();
            e.downloadMbps = in.readDouble();
            e.uploadMbps = in.readDouble();
            e.latencyMs = in.readDouble();
            e.planDownloadMbps = (present & PLAN_DOWNLOAD) != 0 ? in.readDouble() : null;
            e.planUploadMbps = (present & PLAN_UPLOAD) != 0 ? in.readDouble() : null;
            e.latitude = (present & LATITUDE) != 0 ? in.readDouble() : null;
            e.longitude = (present & LONGITUDE) != 0 ? in.readDouble() : null;
            e.accessType = in.readUTF();
            e.operatorRaw = (present & OPERATOR_RAW) != 0 ? in.readUTF() : null;
            e.chosenTdpCode = (present & CHOSEN_TDP) != 0 ? in.readUTF() : null;
            e.deviceHash = (present & DEVICE_HASH) != 0 ? in.readUTF() : null;
        } catch (IOException x) {
            throw new UncheckedIOException(x);
        }
        return e;
    }

    private static void writeIfPresent(Double value, DataOutputSerializer out) throws IOException {
        if (value != null) {
            out.writeDouble(value);
        }
    }

    private static void writeIfPresent(String value, DataOutputSerializer out) throws IOException {
        if (value != null) {
            out.writeUTF(value);
        }
    }
}
