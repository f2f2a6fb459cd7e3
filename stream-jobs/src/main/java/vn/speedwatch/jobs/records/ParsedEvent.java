package vn.speedwatch.jobs.records;

import org.apache.flink.api.common.typeinfo.TypeInfo;

/**
 * A valid measurement or an erasure request, flattened to Flink-friendly types, between the parse
 * and the enrichment stages. It still carries the exact coordinates, which the enrichment stage
 * turns into a TDP and coarse cells.
 *
 * <p>For an {@link #ERASURE} only {@link #id} and {@link #receivedAtMillis} (when the erasure was
 * requested) are set by the parser; the de-duplication stage fills in the rest from the erased
 * measurement it remembers, so later stages know which cells to correct.
 *
 * <p>Serialized by {@link ParsedEventSerializer}: a new field needs a line there (a test fails
 * until it has one).
 */
@TypeInfo(ParsedEventSerializer.Factory.class)
public class ParsedEvent {
    public static final String MEASUREMENT = "MEASUREMENT";
    public static final String ERASURE = "ERASURE";

    /** {@link #MEASUREMENT} or {@link #ERASURE}. */
    public String type;

    public String id;
    public long measuredAtMillis;
    public long receivedAtMillis;
    public double downloadMbps;
    public double uploadMbps;
    public double latencyMs;
    public Double jitterMs;
    public Double packetLossPercent;
    public Double loadedLatencyMs;
    public String operatorRaw;

    /** {@code AccessType} name, never null for a measurement. */
    public String accessType;

    public Double planDownloadMbps;
    public Double planUploadMbps;
    public Double latitude;
    public Double longitude;
    public Double accuracyM;

    /** The TDP the person chose when they gave no coordinates; not yet checked. */
    public String chosenTdpCode;

    public String server;
    public String client;
    public Integer ipVersion;
    public String deviceHash;
    public String apiKeyId;
    public String note;

    /** For an erasure: true once the measurement it erases is known (fields filled in). */
    public boolean erasedKnown;

    public ParsedEvent() {}

    public boolean isErasure() {
        return ERASURE.equals(type);
    }
}
