package vn.speedwatch.jobs.records;

/**
 * What the de-duplication state keeps of one id: whether it was erased, when it is forgotten, and —
 * for a measurement — only what places it in its cells and what the aggregates added, so that an
 * erasure can be turned into the erasure of that measurement.
 *
 * <p>One small POJO per id instead of a whole {@link ParsedEvent} plus a separate expiry state:
 * there is one per measurement of the TTL (a week), written in every checkpoint, and the state
 * accesses and snapshot writes per event were a large share of the job's CPU (issue #5 profile).
 */
public class RememberedMeasurement {

    /** True once the id was erased; the other measurement fields are then unset. */
    public boolean erased;

    /** Processing time at which the id is forgotten; the timer set for an earlier time is stale. */
    public long forgetAtMillis;

    public long measuredAtMillis;
    public double downloadMbps;
    public double uploadMbps;
    public double latencyMs;
    public String operatorRaw;
    public String accessType;
    public Double planDownloadMbps;
    public Double planUploadMbps;
    public Double latitude;
    public Double longitude;
    public String chosenTdpCode;
    public String deviceHash;

    public RememberedMeasurement() {}

    /** The remembered part of measurement {@code m}, forgotten at {@code forgetAtMillis}. */
    public static RememberedMeasurement of(ParsedEvent m, long forgetAtMillis) {
        RememberedMeasurement r = new RememberedMeasurement();
        r.forgetAtMillis = forgetAtMillis;
        r.measuredAtMillis = m.measuredAtMillis;
        r.downloadMbps = m.downloadMbps;
        r.uploadMbps = m.uploadMbps;
        r.latencyMs = m.latencyMs;
        r.operatorRaw = m.operatorRaw;
        r.accessType = m.accessType;
        r.planDownloadMbps = m.planDownloadMbps;
        r.planUploadMbps = m.planUploadMbps;
        r.latitude = m.latitude;
        r.longitude = m.longitude;
        r.chosenTdpCode = m.chosenTdpCode;
        r.deviceHash = m.deviceHash;
        return r;
    }

    /** The mark of an erased id, forgotten at {@code forgetAtMillis}. */
    public static RememberedMeasurement erasedId(long forgetAtMillis) {
        RememberedMeasurement r = new RememberedMeasurement();
        r.erased = true;
        r.forgetAtMillis = forgetAtMillis;
        return r;
    }

    /**
     * The erasure of this remembered measurement, of id {@code id}, requested at the given time.
     */
    public ParsedEvent erasure(String id, long requestedAtMillis) {
        ParsedEvent e = new ParsedEvent();
        e.type = ParsedEvent.ERASURE;
        e.id = id;
        e.receivedAtMillis = requestedAtMillis;
        e.erasedKnown = true;
        e.measuredAtMillis = measuredAtMillis;
        e.downloadMbps = downloadMbps;
        e.uploadMbps = uploadMbps;
        e.latencyMs = latencyMs;
        e.operatorRaw = operatorRaw;
        e.accessType = accessType;
        e.planDownloadMbps = planDownloadMbps;
        e.planUploadMbps = planUploadMbps;
        e.latitude = latitude;
        e.longitude = longitude;
        e.chosenTdpCode = chosenTdpCode;
        e.deviceHash = deviceHash;
        return e;
    }
}
