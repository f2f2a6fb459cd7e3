package vn.speedwatch.jobs.records;

/**
 * A change to the raw table: a row to upsert (the enriched measurement plus the exact coordinates,
 * which go nowhere else) or an erasure to apply.
 *
 * <p>For an erasure, {@link #recomputeCells} says the aggregates must be corrected from the raw
 * rows in the warehouse, because the pipeline's windows no longer hold the cells (the erasure came
 * after the de-duplication TTL or after the allowed lateness).
 */
public class RawChange {
    public boolean erasure;

    /** The row to upsert; for an erasure, the erased measurement when known (else only its id). */
    public EnrichedMeasurement row;

    public Double latitude;
    public Double longitude;
    public Double accuracyM;
    public long requestedAtMillis;
    public boolean recomputeCells;

    public RawChange() {}

    public static RawChange upsert(EnrichedMeasurement row, Double lat, Double lon, Double acc) {
        RawChange c = new RawChange();
        c.row = row;
        c.latitude = lat;
        c.longitude = lon;
        c.accuracyM = acc;
        return c;
    }

    public static RawChange erase(EnrichedMeasurement erased, long at, boolean recompute) {
        RawChange c = new RawChange();
        c.erasure = true;
        c.row = erased;
        c.requestedAtMillis = at;
        c.recomputeCells = recompute;
        return c;
    }
}
