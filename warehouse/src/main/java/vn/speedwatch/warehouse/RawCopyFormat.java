package vn.speedwatch.warehouse;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

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

    /** 2000-01-01T00:00:00Z, PostgreSQL's timestamp epoch, in microseconds since 1970. */
    private static final long PG_EPOCH_MICROS = 946_684_800_000_000L;

    private RawCopyFormat() {}

    /** The whole COPY stream (header, one tuple per row, trailer) for {@code rows}. */
    public static byte[] encode(List<RawMeasurementRow> rows) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 + rows.size() * 256);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.write(SIGNATURE);
            out.writeInt(0); // flags: no OIDs
            out.writeInt(0); // no header extension
            for (RawMeasurementRow r : rows) {
                tuple(out, r);
            }
            out.writeShort(-1);
        } catch (IOException e) {
            throw new UncheckedIOException("a byte array cannot fail to grow", e);
        }
        return bytes.toByteArray();
    }

    private static void tuple(DataOutputStream out, RawMeasurementRow r) throws IOException {
        out.writeShort(FIELDS);
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

    private static void uuid(DataOutputStream out, UUID v) throws IOException {
        out.writeInt(16);
        out.writeLong(v.getMostSignificantBits());
        out.writeLong(v.getLeastSignificantBits());
    }

    /** timestamptz: microseconds since 2000-01-01 UTC, nanoseconds rounded half up, as pgjdbc. */
    static long pgMicros(Instant t) {
        long micros =
                Math.addExact(
                        Math.multiplyExact(t.getEpochSecond(), 1_000_000L),
                        (t.getNano() + 500) / 1_000);
        return micros - PG_EPOCH_MICROS;
    }

    private static void timestamp(DataOutputStream out, Instant v) throws IOException {
        out.writeInt(8);
        out.writeLong(pgMicros(v));
    }

    private static void float8(DataOutputStream out, Double v) throws IOException {
        if (v == null) {
            out.writeInt(-1);
            return;
        }
        out.writeInt(8);
        out.writeDouble(v);
    }

    private static void text(DataOutputStream out, String v) throws IOException {
        if (v == null) {
            out.writeInt(-1);
            return;
        }
        byte[] utf8 = v.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }

    private static void int2(DataOutputStream out, Integer v) throws IOException {
        if (v == null) {
            out.writeInt(-1);
            return;
        }
        out.writeInt(2);
        out.writeShort(v);
    }

    private static void bool(DataOutputStream out, Boolean v) throws IOException {
        if (v == null) {
            out.writeInt(-1);
            return;
        }
        out.writeInt(1);
        out.writeByte(v ? 1 : 0);
    }
}
