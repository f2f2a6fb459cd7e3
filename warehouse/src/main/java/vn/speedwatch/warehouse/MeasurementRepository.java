package vn.speedwatch.warehouse;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.WeakHashMap;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads and writes {@code measurements_raw}: idempotent batched upserts, erasure on request, and
 * the privacy clean-ups (forgetting coordinates, deleting old rows).
 */
public final class MeasurementRepository {

    private static final Logger LOG = LoggerFactory.getLogger(MeasurementRepository.class);

    /** Per data source: does its server take COPY FROM STDIN? Weak: pools come and go. */
    private static final Map<DataSource, Boolean> COPY_IN =
            Collections.synchronizedMap(new WeakHashMap<>());

    private final DataSource dataSource;
    private final Jdbc jdbc;
    private final boolean arraysOnly;

    public MeasurementRepository(DataSource dataSource) {
        this(dataSource, false);
    }

    /** {@code arraysOnly}: upsert every row, as where the server cannot COPY in (tests). */
    MeasurementRepository(DataSource dataSource, boolean arraysOnly) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.jdbc = new Jdbc(dataSource);
        this.arraysOnly = arraysOnly;
    }

    /**
     * Inserts or replaces the rows (keyed by id and measured_at) in one transaction. Rows whose id
     * was erased, or is stored with another measured_at, are skipped. Returns the number of rows
     * written.
     */
    public int upsert(List<RawMeasurementRow> rows) {
        if (rows.isEmpty()) {
            return 0;
        }
        RawUpsertBatch batch = new RawUpsertBatch(rows);
        boolean copyIn = !arraysOnly && copyInSupported();
        return jdbc.inTransaction(
                "upserting " + rows.size() + " raw measurements",
                c -> copyIn ? batch.copyNewUpsertKnown(c) : batch.upsert(c));
    }

    /**
     * Whether the server takes COPY FROM STDIN, asked once per data source: the sink builds a
     * repository per batch, and a server does not change its kind under a pool.
     */
    private boolean copyInSupported() {
        return COPY_IN.computeIfAbsent(
                dataSource,
                ds ->
                        jdbc.query(
                                        "checking whether the server takes COPY FROM STDIN",
                                        Sql.COPY_IN_SUPPORTED,
                                        rs -> rs.getBoolean(1))
                                .equals(List.of(true)));
    }

    /**
     * Deletes the measurement and remembers its id so a replayed copy is never stored again.
     * Returns whether a stored row was deleted.
     */
    public boolean erase(UUID id, Instant requestedAt) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(requestedAt, "requestedAt");
        boolean deleted =
                jdbc.inTransaction(
                        "erasing measurement " + id,
                        c -> {
                            try (PreparedStatement delete = c.prepareStatement(Sql.RAW_DELETE_ID);
                                    PreparedStatement remember =
                                            c.prepareStatement(Sql.ERASURE_INSERT)) {
                                delete.setObject(1, id);
                                int n = delete.executeUpdate();
                                Jdbc.bindAll(remember, id, requestedAt);
                                remember.executeUpdate();
                                return n > 0;
                            }
                        });
        LOG.info("Erased measurement {} (row {})", id, deleted ? "deleted" : "not stored");
        return deleted;
    }

    public boolean isErased(UUID id) {
        return !jdbc.query("checking erasure of " + id, Sql.ERASURE_EXISTS, rs -> 1, id).isEmpty();
    }

    public Optional<RawMeasurementRow> find(UUID id) {
        return jdbc
                .query("finding measurement " + id, Sql.RAW_FIND, MeasurementRepository::read, id)
                .stream()
                .findFirst();
    }

    /** The measurements of one TDP × operator × access type with {@code from <= t < to}. */
    public List<RawMeasurementRow> findCell(
            String tdpCode, String operator, String accessType, Instant from, Instant to) {
        return jdbc.query(
                "finding measurements of " + tdpCode + "/" + operator + "/" + accessType,
                Sql.RAW_FIND_CELL,
                MeasurementRepository::read,
                tdpCode,
                operator,
                accessType,
                from,
                to);
    }

    /** Nulls latitude, longitude and accuracy of rows measured before {@code cutoff}. */
    public int forgetCoordinatesBefore(Instant cutoff) {
        return jdbc.update(
                "forgetting coordinates before " + cutoff,
                Sql.RAW_FORGET_COORDINATES,
                Objects.requireNonNull(cutoff, "cutoff"));
    }

    /** Deletes rows measured before {@code cutoff} (retention). */
    public int deleteBefore(Instant cutoff) {
        return jdbc.update(
                "deleting measurements before " + cutoff,
                Sql.RAW_DELETE_BEFORE,
                Objects.requireNonNull(cutoff, "cutoff"));
    }

    private static RawMeasurementRow read(ResultSet rs) throws SQLException {
        return new RawMeasurementRow(
                rs.getObject("id", UUID.class),
                Jdbc.instant(rs, "measured_at"),
                Jdbc.instant(rs, "received_at"),
                rs.getDouble("download_mbps"),
                rs.getDouble("upload_mbps"),
                rs.getDouble("latency_ms"),
                Jdbc.nullableDouble(rs, "jitter_ms"),
                Jdbc.nullableDouble(rs, "packet_loss_percent"),
                Jdbc.nullableDouble(rs, "loaded_latency_ms"),
                rs.getString("operator"),
                rs.getString("operator_raw"),
                rs.getString("access_type"),
                Jdbc.nullableDouble(rs, "plan_download_mbps"),
                Jdbc.nullableDouble(rs, "plan_upload_mbps"),
                rs.getString("tdp_code"),
                rs.getString("cell_id"),
                Jdbc.nullableDouble(rs, "latitude"),
                Jdbc.nullableDouble(rs, "longitude"),
                Jdbc.nullableDouble(rs, "accuracy_m"),
                rs.getString("server"),
                rs.getString("client"),
                Jdbc.nullableInt(rs, "ip_version"),
                rs.getString("device_hash"),
                rs.getString("api_key_id"),
                Jdbc.nullableBoolean(rs, "qcvn_pass"),
                Jdbc.nullableBoolean(rs, "target_2030_pass"),
                rs.getString("note"));
    }
}
