package vn.speedwatch.jobs.records;

import org.apache.flink.api.common.typeinfo.TypeInfo;

/**
 * A de-duplicated, validated measurement after enrichment: TDP, operator code, coarse cell and QCVN
 * verdicts. Exact coordinates do not travel past the enrichment stage (Decree 13/2023/NĐ-CP); only
 * {@link #cellId} (~100 m) and {@link #quadkey} (heatmap cell) do.
 *
 * <p>Public fields, serialized by {@link EnrichedMeasurementSerializer}: a new field needs a line
 * there (a test fails until it has one).
 */
@TypeInfo(EnrichedMeasurementSerializer.Factory.class)
public class EnrichedMeasurement {
    public String id;
    public long measuredAtMillis;
    public long receivedAtMillis;
    public double downloadMbps;
    public double uploadMbps;
    public double latencyMs;
    public Double jitterMs;
    public Double packetLossPercent;
    public Double loadedLatencyMs;

    /** {@code Operator} code. */
    public String operator;

    public String operatorRaw;

    /** {@code AccessType} name. */
    public String accessType;

    public Double planDownloadMbps;
    public Double planUploadMbps;

    /** Area code, or {@code OUTSIDE} (outside every TDP) or {@code UNKNOWN} (no location given). */
    public String tdpCode;

    /** Coarse ~100 m grid cell id. */
    public String cellId;

    /** Heatmap cell: quadkey at zoom 17 (~250–300 m here), null without coordinates. */
    public String quadkey;

    public String server;
    public String client;
    public Integer ipVersion;

    /** Keyed hash of the client address or the probe's API key id; counts distinct devices. */
    public String deviceHash;

    public String apiKeyId;

    /** Per-sample QCVN verdict; null when no threshold applies (e.g. fixed line without plan). */
    public Boolean qcvnPass;

    /** Ward 2030 target (1 Gbps fibre) met; null when it does not apply. */
    public Boolean target2030Pass;

    public String note;

    /**
     * True for the erasure of this (earlier accepted) measurement: the aggregation stages subtract
     * it instead of adding it.
     */
    public boolean erasure;

    public EnrichedMeasurement() {}
}
