package vn.speedwatch.warehouse;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.IntFunction;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * A batch of raw rows upserted by one statement execution per round (almost always one), from rows
 * streamed by binary COPY into the session's staging table ({@link #upsertStaged}) or, where the
 * server cannot COPY in, from one array per column ({@link #upsertArrays}).
 *
 * <p>Rows are first reduced to one per (id, measured_at) with the last row's values, since one
 * statement may not touch the same key twice (ON CONFLICT DO UPDATE refuses it). An id at several
 * times (a client that changed a measurement's time) has its first time in the first round, its
 * second in the second, and so on: each round sees what the earlier ones stored and skips an id
 * stored with another measured_at, which is exactly what executing the rows one by one would leave
 * in the table. So no statement holds an id twice, and none needs to sort the batch to pick one.
 */
final class RawUpsertBatch {

    private record Key(UUID id, Instant measuredAt) {}

    private final List<List<RawMeasurementRow>> rounds = new ArrayList<>();

    RawUpsertBatch(List<RawMeasurementRow> batch) {
        Map<Key, RawMeasurementRow> last = new LinkedHashMap<>();
        for (RawMeasurementRow r : batch) {
            // put() on a present key keeps its first position and takes the later values.
            last.put(new Key(r.id(), r.measuredAt()), r);
        }
        Map<UUID, Integer> timesOfId = new HashMap<>();
        for (RawMeasurementRow r : last.values()) {
            int round = timesOfId.merge(r.id(), 1, Integer::sum) - 1;
            if (round == rounds.size()) {
                rounds.add(new ArrayList<>());
            }
            rounds.get(round).add(r);
        }
    }

    /**
     * Streams each round into {@code raw_staging} (binary COPY: no text rendering or parsing of
     * doubles and timestamps, no WAL, no indexes) and upserts it from there in the transaction of
     * {@code c}, whose commit empties the staging table. Returns the rows written.
     */
    int upsertStaged(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute(Sql.RAW_STAGING_CREATE);
        }
        int written = 0;
        for (int k = 0; k < rounds.size(); k++) {
            if (k > 0) {
                try (Statement st = c.createStatement()) {
                    st.execute(Sql.RAW_STAGING_EMPTY);
                }
            }
            copyIn(c, RawCopyFormat.encode(rounds.get(k)));
            try (PreparedStatement ps = c.prepareStatement(Sql.RAW_UPSERT_STAGED)) {
                written += ps.executeUpdate();
            }
        }
        return written;
    }

    private static void copyIn(Connection c, byte[] tuples) throws SQLException {
        CopyIn in = c.unwrap(PGConnection.class).getCopyAPI().copyIn(Sql.RAW_STAGING_COPY);
        try {
            in.writeToCopy(tuples, 0, tuples.length);
            in.endCopy();
        } finally {
            if (in.isActive()) {
                in.cancelCopy();
            }
        }
    }

    /** Upserts each round bound as 27 column arrays. Returns the rows written. */
    int upsertArrays(Connection c) throws SQLException {
        int written = 0;
        for (List<RawMeasurementRow> round : rounds) {
            try (PreparedStatement ps = c.prepareStatement(Sql.RAW_UPSERT_ARRAYS)) {
                bind(c, ps, round);
                written += ps.executeUpdate();
            }
        }
        return written;
    }

    private static void bind(Connection c, PreparedStatement ps, List<RawMeasurementRow> rows)
            throws SQLException {
        int i = 0;
        ps.setArray(++i, c.createArrayOf("uuid", column(rows, RawMeasurementRow::id, UUID[]::new)));
        ps.setArray(++i, timestamps(c, rows, RawMeasurementRow::measuredAt));
        ps.setArray(++i, timestamps(c, rows, RawMeasurementRow::receivedAt));
        ps.setArray(++i, doubles(c, rows, RawMeasurementRow::downloadMbps));
        ps.setArray(++i, doubles(c, rows, RawMeasurementRow::uploadMbps));
        ps.setArray(++i, doubles(c, rows, RawMeasurementRow::latencyMs));
        ps.setArray(++i, doubles(c, rows, RawMeasurementRow::jitterMs));
        ps.setArray(++i, doubles(c, rows, RawMeasurementRow::packetLossPercent));
        ps.setArray(++i, doubles(c, rows, RawMeasurementRow::loadedLatencyMs));
        ps.setArray(++i, texts(c, rows, RawMeasurementRow::operator));
        ps.setArray(++i, texts(c, rows, RawMeasurementRow::operatorRaw));
        ps.setArray(++i, texts(c, rows, RawMeasurementRow::accessType));
        ps.setArray(++i, doubles(c, rows, RawMeasurementRow::planDownloadMbps));
        ps.setArray(++i, doubles(c, rows, RawMeasurementRow::planUploadMbps));
        ps.setArray(++i, texts(c, rows, RawMeasurementRow::tdpCode));
        ps.setArray(++i, texts(c, rows, RawMeasurementRow::cellId));
        ps.setArray(++i, doubles(c, rows, RawMeasurementRow::latitude));
        ps.setArray(++i, doubles(c, rows, RawMeasurementRow::longitude));
        ps.setArray(++i, doubles(c, rows, RawMeasurementRow::accuracyM));
        ps.setArray(++i, texts(c, rows, RawMeasurementRow::server));
        ps.setArray(++i, texts(c, rows, RawMeasurementRow::client));
        ps.setArray(
                ++i,
                c.createArrayOf(
                        "int2",
                        column(
                                rows,
                                r -> r.ipVersion() == null ? null : r.ipVersion().shortValue(),
                                Short[]::new)));
        ps.setArray(++i, texts(c, rows, RawMeasurementRow::deviceHash));
        ps.setArray(++i, texts(c, rows, RawMeasurementRow::apiKeyId));
        ps.setArray(++i, booleans(c, rows, RawMeasurementRow::qcvnPass));
        ps.setArray(++i, booleans(c, rows, RawMeasurementRow::target2030Pass));
        ps.setArray(++i, texts(c, rows, RawMeasurementRow::note));
    }

    private static Array doubles(
            Connection c, List<RawMeasurementRow> rows, Function<RawMeasurementRow, Double> f)
            throws SQLException {
        return c.createArrayOf("float8", column(rows, f, Double[]::new));
    }

    private static Array texts(
            Connection c, List<RawMeasurementRow> rows, Function<RawMeasurementRow, String> f)
            throws SQLException {
        return c.createArrayOf("text", column(rows, f, String[]::new));
    }

    private static Array booleans(
            Connection c, List<RawMeasurementRow> rows, Function<RawMeasurementRow, Boolean> f)
            throws SQLException {
        return c.createArrayOf("bool", column(rows, f, Boolean[]::new));
    }

    // Instant.toString() is ISO-8601 in UTC with up to nanoseconds, which timestamptz parses
    // (rounding to microseconds, as the driver does for OffsetDateTime parameters).
    private static Array timestamps(
            Connection c, List<RawMeasurementRow> rows, Function<RawMeasurementRow, Instant> f)
            throws SQLException {
        return c.createArrayOf(
                "timestamptz", column(rows, r -> f.apply(r).toString(), String[]::new));
    }

    private static <T> T[] column(
            List<RawMeasurementRow> rows,
            Function<RawMeasurementRow, T> f,
            IntFunction<T[]> array) {
        T[] values = array.apply(rows.size());
        for (int i = 0; i < values.length; i++) {
            values[i] = f.apply(rows.get(i));
        }
        return values;
    }
}
