package vn.speedwatch.jobs.sinks;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import vn.speedwatch.jobs.functions.AggregateQuality;
import vn.speedwatch.jobs.functions.Buckets;
import vn.speedwatch.jobs.functions.QualityAccumulator;
import vn.speedwatch.jobs.records.EnrichedMeasurement;
import vn.speedwatch.jobs.records.QualityAggregate;
import vn.speedwatch.warehouse.MeasurementRepository;
import vn.speedwatch.warehouse.RawMeasurementRow;

/**
 * Recomputes the hour and day aggregates of one cell from the raw rows in the warehouse, with the
 * same aggregation code and device cap as the stream, and upserts them (or deletes them when no row
 * is left). Used when an erasure arrives after the job's windows for that cell are gone.
 */
public final class CellRecomputer {

    private final DataSource ds;
    private final int deviceCap;

    public CellRecomputer(DataSource ds, int deviceCap) {
        this.ds = ds;
        this.deviceCap = deviceCap;
    }

    /** Recomputes the hour and the day holding {@code m}'s measurement time in its cell. */
    public void recompute(EnrichedMeasurement m) {
        for (String resolution : List.of(Buckets.HOUR, Buckets.DAY)) {
            long start = Buckets.start(resolution, m.measuredAtMillis);
            long end = start + Buckets.sizeMillis(resolution);
            List<RawMeasurementRow> rows =
                    new MeasurementRepository(ds)
                            .findCell(
                                    m.tdpCode,
                                    m.operator,
                                    m.accessType,
                                    Instant.ofEpochMilli(start),
                                    Instant.ofEpochMilli(end));
            QualityAggregate q = aggregate(rows);
            q.resolution = resolution;
            q.bucketStartMillis = start;
            q.tdpCode = m.tdpCode;
            q.operator = m.operator;
            q.accessType = m.accessType;
            q.finalResult = true;
            new AggregateWriter().write(ds, List.of(q));
        }
    }

    /** Rows in measured_at order; each device counts at most {@code deviceCap} per local day. */
    QualityAggregate aggregate(List<RawMeasurementRow> rows) {
        QualityAccumulator acc = new QualityAccumulator();
        Map<String, Integer> perDeviceDay = new HashMap<>();
        for (RawMeasurementRow r : rows) {
            EnrichedMeasurement e = Rows.enriched(r);
            String device = e.deviceHash == null ? "id:" + e.id : e.deviceHash;
            String key = device + '|' + Buckets.localDayStart(e.measuredAtMillis);
            if (perDeviceDay.merge(key, 1, Integer::sum) <= deviceCap) {
                acc.apply(e);
            }
        }
        // A rare path (erasures of closed buckets): always with the sketch; hour rows drop it.
        return AggregateQuality.statistics(acc, true);
    }
}
