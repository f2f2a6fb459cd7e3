package vn.speedwatch.warehouse;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.postgresql.copy.CopyIn;

/**
 * Raw rows in PostgreSQL's binary {@code COPY} format, columns in {@link #COLUMNS} order: what
 * {@link MeasurementRepository#upsert} streams into {@code measurements_raw} for ids never seen
 * before and what the sink benchmark copies there as its ceiling. Binary values skip the text
 * rendering and parsing of every double and timestamp that an array or text COPY would cost on both
 * sides.
 */
public final class RawCopyFormat {

    /** The column list the encoded tuples fill, for {@code COPY table (COLUMNS) FROM STDIN}. */
    public static final String COLUMNS = Sql.RAW_COLUMNS;

    private static final byte[] SIGNATURE = {
        'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0
    };
    private static final short FIELDS = 27;
    private static final short TRAILER = -1;
    private static final int CHUNK_BYTES = 64 * 1024;
    private static final byte[] TRUE = {1};
    private static final byte[] FALSE = {0};

    /** 2000-01-01T00:00:00Z, PostgreSQL's timestamp epoch, in microseconds since 1970. */
    private static final long PG_EPOCH_MICROS = 946_684_800_000_000L;

    private RawCopyFormat() {}

    /** The whole COPY stream (header, one tuple per row, trailer) for {@code rows}. */
    public static byte[] encode(List<RawMeasurementRow> rows) {
        Tuples out = new Tuples(64 + rows.size() * 256);
        header(out);
        for (RawMeasurementRow r : rows) {
            tuple(out, r);
        }
        out.int2(TRAILER);
        return out.toByteArray();
    }

    /**
     * Sends the COPY stream for {@code rows} into {@code in} a chunk at a time, as it is encoded:
     * the server inserts the first rows while the later ones are encoded, instead of waiting for
     * the whole batch.
     */
    static void copy(List<RawMeasurementRow> rows, CopyIn in) throws SQLException {
        Tuples out = new Tuples(CHUNK_BYTES + 1024);
        header(out);
        for (RawMeasurementRow r : rows) {
            tuple(out, r);
            if (out.size() >= CHUNK_BYTES) {
                out.drainTo(in);
            }
        }
        out.int2(TRAILER);
        out.drainTo(in);
    }

    private static void header(Tuples out) {
        out.bytes(SIGNATURE);
        out.int4(0); // flags: no OIDs
        out.int4(0); // no header extension
    }

    private static void tuple(Tuples out, RawMeasurementRow r) {
        out.int2(FIELDS);
        uuid(out, r.id());
        timestamp(out, r.measuredAt());
        timestamp(out, r.receivedAt());
        float8(out, r.downloadMbps());
        float8(out, r.uploadMbps());
        float8(out, r.latencyMs());
        float8(out, r.jitterMs());
        float8(out, r.packetLossPercent());
        float8(out, r.loadedLatencyMs());
        text(out, r.operator());
        text(out, r.operatorRaw());
        text(out, r.accessType());
        float8(out, r.planDownloadMbps());
        float8(out, r.planUploadMbps());
        text(out, r.tdpCode());
        text(out, r.cellId());
        float8(out, r.latitude());
        float8(out, r.longitude());
        float8(out, r.accuracyM());
        text(out, r.server());
        text(out, r.client());
        int2(out, r.ipVersion());
        text(out, r.deviceHash());
        text(out, r.apiKeyId());
        bool(out, r.qcvnPass());
        bool(out, r.target2030Pass());
        text(out, r.note());
    }

    private static void uuid(Tuples out, UUID v) {
        out.int4(16);
        out.int8(v.getMostSignificantBits());
        out.int8(v.getLeastSignificantBits());
    }

    /** timestamptz: microseconds since 2000-01-01 UTC, nanoseconds rounded half up, as pgjdbc. */
    static long pgMicros(Instant t) {
        long micros =
                Math.addExact(
                        Math.multiplyExact(t.getEpochSecond(), 1_000_000L),
                        (t.getNano() + 500) / 1_000);
        return micros - PG_EPOCH_MICROS;
    }

    private static void timestamp(Tuples out, Instant v) {
        out.int4(8);
        out.int8(pgMicros(v));
    }

    private static void float8(Tuples out, Double v) {
        if (v == null) {
            out.int4(-1);
            return;
        }
        out.int4(8);
        out.int8(Double.doubleToLongBits(v));
    }

    private static void text(Tuples out, String v) {
        if (v == null) {
            out.int4(-1);
            return;
        }
        byte[] utf8 = v.getBytes(StandardCharsets.UTF_8);
        out.int4(utf8.length);
        out.bytes(utf8);
    }

    private static void int2(Tuples out, Integer v) {
        if (v == null) {
            out.int4(-1);
            return;
        }
        out.int4(2);
        out.int2(v);
    }

    private static void bool(Tuples out, Boolean v) {
        if (v == null) {
            out.int4(-1);
            return;
        }
        out.int4(1);
        out.bytes(v ? TRUE : FALSE);
    }

    /**
     * A growable big-endian byte array. DataOutputStream over ByteArrayOutputStream takes a lock
     * for every byte of every int it writes: 1.1 µs per row against 0.17 µs here (issue #11).
     */
    private static final class Tuples {

        private static final VarHandle INT = view(int[].class);
        private static final VarHandle LONG = view(long[].class);
        private static final VarHandle SHORT = view(short[].class);

        private byte[] buf;
        private int size;

        Tuples(int capacity) {
            buf = new byte[capacity];
        }

        private static VarHandle view(Class<?> arrayType) {
            return MethodHandles.byteArrayViewVarHandle(arrayType, ByteOrder.BIG_ENDIAN);
        }

        void int2(int v) {
            SHORT.set(room(2), size, (short) v);
            size += 2;
        }

        void int4(int v) {
            INT.set(room(4), size, v);
            size += 4;
        }

        void int8(long v) {
            LONG.set(room(8), size, v);
            size += 8;
        }

        void bytes(byte[] v) {
            System.arraycopy(v, 0, room(v.length), size, v.length);
            size += v.length;
        }

        private byte[] room(int n) {
            if (size + n > buf.length) {
                buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + n));
            }
            return buf;
        }

        int size() {
            return size;
        }

        /** Sends what is buffered into {@code in} and empties the buffer. */
        void drainTo(CopyIn in) throws SQLException {
            in.writeToCopy(buf, 0, size);
            size = 0;
        }

        byte[] toByteArray() {
            return Arrays.copyOf(buf, size);
        }
    }
}
