package vn.speedwatch.warehouse;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.IntFunction;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * A batch of raw rows upserted by a single statement execution, from rows streamed by binary COPY
 * into the session's staging table ({@link #upsertStaged}) or, where the server cannot COPY in,
 * from one array per column ({@link #upsertArrays}). One statement may not touch the same key twice
 * (ON CONFLICT DO UPDATE refuses it), so rows are first reduced to one per (id, measured_at),
 * keeping the last row's values at the position the key was first seen: exactly what executing the
 * rows one by one would leave in the table.
 */
final class RawUpsertBatch {

    private record Key(UUID id, Instant measuredAt) {}

    private final List<RawMeasurementRow> rows;

    RawUpsertBatch(List<RawMeasurementRow> batch) {
        Map<Key, RawMeasurementRow> last = new LinkedHashMap<>();
        for (RawMeasurementRow r : batch) {
            // put() on a present key keeps its first position and takes the later values.
            last.put(new Key(r.id(), r.measuredAt()), r);
        }
        this.rows = List.copyOf(last.values());
    }

    /**
     * Streams the rows into {@code raw_staging} (binary COPY: no text rendering or parsing of
     * doubles and timestamps, no WAL, no indexes) and upserts them from there in the transaction of
     * {@code c}, whose commit empties the staging table. Returns the rows written.
     */
    int upsertStaged(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute(Sql.RAW_STAGING_CREATE);
        }
        byte[] tuples = RawCopyFormat.encode(rows);
        CopyIn in = c.unwrap(PGConnection.class).getCopyAPI().copyIn(Sql.RAW_STAGING_COPY);
        try {
            in.writeToCopy(tuples, 0, tuples.length);
            in.endCopy();
        } finally {
            if (in.isActive()) {
                in.cancelCopy();
            }
        }
        try (PreparedStatement ps = c.prepareStatement(Sql.RAW_UPSERT_STAGED)) {
            return ps.executeUpdate();
        }
    }

    /** Upserts the rows bound as 27 column arrays. Returns the rows written. */
    int upsertArrays(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(Sql.RAW_UPSERT_ARRAYS)) {
            bind(c, ps);
            return ps.executeUpdate();
        }
    }

    private void bind(Connection c, PreparedStatement ps) throws SQLException {
        int i = 0;
        ps.setArray(++i, c.createArrayOf("uuid", column(RawMeasurementRow::id, UUID[]::new)));
        ps.setArray(++i, timestamps(c, RawMeasurementRow::measuredAt));
        ps.setArray(++i, timestamps(c, RawMeasurementRow::receivedAt));
        ps.setArray(++i, doubles(c, RawMeasurementRow::downloadMbps));
        ps.setArray(++i, doubles(c, RawMeasurementRow::uploadMbps));
        ps.setArray(++i, doubles(c, RawMeasurementRow::latencyMs));
        ps.setArray(++i, doubles(c, RawMeasurementRow::jitterMs));
        ps.setArray(++i, doubles(c, RawMeasurementRow::packetLossPercent));
        ps.setArray(++i, doubles(c, RawMeasurementRow::loadedLatencyMs));
        ps.setArray(++i, texts(c, RawMeasurementRow::operator));
        ps.setArray(++i, texts(c, RawMeasurementRow::operatorRaw));
        ps.setArray(++i, texts(c, RawMeasurementRow::accessType));
        ps.setArray(++i, doubles(c, RawMeasurementRow::planDownloadMbps));
        ps.setArray(++i, doubles(c, RawMeasurementRow::planUploadMbps));
        ps.setArray(++i, texts(c, RawMeasurementRow::tdpCode));
        ps.setArray(++i, texts(c, RawMeasurementRow::cellId));
        ps.setArray(++i, doubles(c, RawMeasurementRow::latitude));
        ps.setArray(++i, doubles(c, RawMeasurementRow::longitude));
        ps.setArray(++i, doubles(c, RawMeasurementRow::accuracyM));
        ps.setArray(++i, texts(c, RawMeasurementRow::server));
        ps.setArray(++i, texts(c, RawMeasurementRow::client));
        ps.setArray(
                ++i,
                c.createArrayOf(
                        "int2",
                        column(
                                r -> r.ipVersion() == null ? null : r.ipVersion().shortValue(),
                                Short[]::new)));
        ps.setArray(++i, texts(c, RawMeasurementRow::deviceHash));
        ps.setArray(++i, texts(c, RawMeasurementRow::apiKeyId));
        ps.setArray(++i, booleans(c, RawMeasurementRow::qcvnPass));
        ps.setArray(++i, booleans(c, RawMeasurementRow::target2030Pass));
        ps.setArray(++i, texts(c, RawMeasurementRow::note));
    }

    private Array doubles(Connection c, Function<RawMeasurementRow, Double> f) throws SQLException {
        return c.createArrayOf("float8", column(f, Double[]::new));
    }

    private Array texts(Connection c, Function<RawMeasurementRow, String> f) throws SQLException {
        return c.createArrayOf("text", column(f, String[]::new));
    }

    private Array booleans(Connection c, Function<RawMeasurementRow, Boolean> f)
            throws SQLException {
        return c.createArrayOf("bool", column(f, Boolean[]::new));
    }

    // Instant.toString() is ISO-8601 in UTC with up to nanoseconds, which timestamptz parses
    // (rounding to microseconds, as the driver does for OffsetDateTime parameters).
    private Array timestamps(Connection c, Function<RawMeasurementRow, Instant> f)
            throws SQLException {
        return c.createArrayOf("timestamptz", column(r -> f.apply(r).toString(), String[]::new));
    }

    private <T> T[] column(Function<RawMeasurementRow, T> f, IntFunction<T[]> array) {
        T[] values = array.apply(rows.size());
        for (int i = 0; i < values.length; i++) {
            values[i] = f.apply(rows.get(i));
        }
        return values;
    }
}
