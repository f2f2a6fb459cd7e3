package vn.speedwatch.jobs.records;

import java.io.IOException;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.apache.flink.types.StringValue;

/**
 * Reads and writes the nullable fields of the records' hand-written serializers: a presence byte
 * before a boxed number, Flink's string encoding (which has its own null) for text.
 */
final class RecordFields {

    private RecordFields() {}

    static void writeDouble(Double v, DataOutputView out) throws IOException {
        out.writeBoolean(v != null);
        if (v != null) {
            out.writeDouble(v);
        }
    }

    static Double readDouble(DataInputView in) throws IOException {
        return in.readBoolean() ? in.readDouble() : null;
    }

    static void writeInt(Integer v, DataOutputView out) throws IOException {
        out.writeBoolean(v != null);
        if (v != null) {
            out.writeInt(v);
        }
    }

    static Integer readInt(DataInputView in) throws IOException {
        return in.readBoolean() ? in.readInt() : null;
    }

    /** Null, false and true as 0, 1 and 2. */
    static void writeBoolean(Boolean v, DataOutputView out) throws IOException {
        out.writeByte(v == null ? 0 : v ? 2 : 1);
    }

    static Boolean readBoolean(DataInputView in) throws IOException {
        byte b = in.readByte();
        return b == 0 ? null : b == 2;
    }

    static void writeString(String v, DataOutputView out) throws IOException {
        StringValue.writeString(v, out);
    }

    static String readString(DataInputView in) throws IOException {
        return StringValue.readString(in);
    }
}
