package vn.speedwatch.jobs.sinks;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import vn.speedwatch.jobs.records.EnrichedMeasurement;
import vn.speedwatch.jobs.records.RawChange;
import vn.speedwatch.warehouse.MeasurementRepository;
import vn.speedwatch.warehouse.RawMeasurementRow;

/**
 * Applies raw-table changes in order: upserts rows, erases erased ids, and for erasures the job's
 * windows can no longer correct, recomputes the affected hour and day aggregates from the raw rows
 * ({@link CellRecomputer}). Order matters for a measurement erased right after it was posted, so
 * consecutive upserts are batched but never reordered around an erasure.
 */
public class RawChangeWriter implements BatchWriter<RawChange> {

    private static final long serialVersionUID = 1L;

    private final int deviceCap;

    public RawChangeWriter(int deviceCap) {
        this.deviceCap = deviceCap;
    }

    @Override
    public void write(DataSource ds, List<RawChange> batch) {
        MeasurementRepository raw = new MeasurementRepository(ds);
        List<RawMeasurementRow> pending = new ArrayList<>();
        for (RawChange c : batch) {
            if (!c.erasure) {
                pending.add(Rows.raw(c));
                continue;
            }
            if (!pending.isEmpty()) {
                raw.upsert(pending);
                pending = new ArrayList<>();
            }
            erase(ds, raw, c);
        }
        if (!pending.isEmpty()) {
            raw.upsert(pending);
        }
    }

    private void erase(DataSource ds, MeasurementRepository raw, RawChange c) {
        UUID id = UUID.fromString(c.row.id);
        Optional<EnrichedMeasurement> cell = Optional.empty();
        if (c.recomputeCells) {
            cell = c.row.tdpCode != null ? Optional.of(c.row) : raw.find(id).map(Rows::enriched);
        }
        raw.erase(id, Instant.ofEpochMilli(c.requestedAtMillis));
        cell.ifPresent(m -> new CellRecomputer(ds, deviceCap).recompute(m));
    }
}
