package vn.speedwatch.warehouse;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.IntFunction;
import org.postgresql.PGConnection;
import org.postgresql.PGStatement;
import org.postgresql.copy.CopyIn;

/**
 * A batch of raw rows written in one transaction: rows of ids the warehouse has never seen (the
 * usual case) by binary COPY straight into {@code measurements_raw} ({@link #copyNewUpsertKnown}),
 * the others by the idempotent upsert, one statement per round of one array per column ({@link
 * #upsert}, also the whole path on servers without COPY FROM STDIN).
 *
 * <p>Rows are first reduced to one per (id, measured_at) with the last row's values, since one
 * statement may not touch the same key twice (ON CONFLICT DO UPDATE refuses it). An id at several
 * times (a client that changed a measurement's time) has its first time in the first round, its
 * second in the second, and so on: each round sees what the earlier ones stored and skips an id
 * stored with another measured_at, which is exactly what executing the rows one by one would leave
 * in the table.
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
     * Finds which ids of the batch are stored or erased already; COPYs the first-round rows of the
     * others into {@code measurements_raw} (a new id's later times would be skipped anyway, as it
     * is then stored at its first), and upserts the rows of the known ids round by round. Returns
     * the rows written. COPY skips the upsert's per-row conflict check and writes heap pages in
     * bulk; an id stored by another writer between the probe and the COPY fails the transaction
     * with a unique violation, and the sink's retry then finds it known.
     */
    int copyNewUpsertKnown(Connection c) throws SQLException {
        Set<UUID> known = known(c, rounds.get(0));
        List<RawMeasurementRow> fresh = new ArrayList<>();
        for (RawMeasurementRow r : rounds.get(0)) {
            if (!known.contains(r.id())) {
                fresh.add(r);
            }
        }
        if (!fresh.isEmpty()) {
            copyIn(c, fresh);
        }
        int written = fresh.size();
        for (List<RawMeasurementRow> round : rounds) {
            List<RawMeasurementRow> rest = new ArrayList<>();
            for (RawMeasurementRow r : round) {
                if (known.contains(r.id())) {
                    rest.add(r);
                }
            }
            written += upsert(c, rest);
        }
        return written;
    }

    /** Upserts every round: the whole path where the server cannot COPY in. */
    int upsert(Connection c) throws SQLException {
        int written = 0;
        for (List<RawMeasurementRow> round : rounds) {
            written += upsert(c, round);
        }
        return written;
    }

    private static int upsert(Connection c, List<RawMeasurementRow> rows) throws SQLException {
        if (rows.isEmpty()) {
            return 0;
        }
        try (PreparedStatement ps = c.prepareStatement(Sql.RAW_UPSERT)) {
            bind(c, ps, rows);
            return ps.executeUpdate();
        }
    }

    private static Set<UUID> known(Connection c, List<RawMeasurementRow> rows) throws SQLException {
        Set<UUID> known = new HashSet<>();
        try (PreparedStatement ps = plannedEachTime(c, Sql.RAW_KNOWN_IDS)) {
            ps.setArray(
                    1, c.createArrayOf("uuid", column(rows, RawMeasurementRow::id, UUID[]::new)));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    known.add(rs.getObject(1, UUID.class));
                }
            }
        }
        return known;
    }

    /**
     * A statement the driver never prepares on the server, so the server plans it for the table as
     * it is now: a cached generic plan made while the table was new or truncated would scan the
     * whole table per id for as long as it stays cached.
     */
    private static PreparedStatement plannedEachTime(Connection c, String sql) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        ps.unwrap(PGStatement.class).setPrepareThreshold(0);
        return ps;
    }

    private static void copyIn(Connection c, List<RawMeasurementRow> rows) throws SQLException {
        CopyIn in = c.unwrap(PGConnection.class).getCopyAPI().copyIn(Sql.RAW_COPY);
        try {
            RawCopyFormat.copy(rows, in);
            in.endCopy();
        } finally {
            if (in.isActive()) {
                in.cancelCopy();
            }
        }
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
