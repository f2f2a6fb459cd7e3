package vn.speedwatch.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.UUID;

/**
 * The value of a record on the measurements topic (the key is the measurement id).
 *
 * <p>A {@link Type#MEASUREMENT} event carries the contract fields the collector accepted plus
 * server-side metadata; an {@link Type#ERASURE} event is the tombstone a resident's {@code DELETE}
 * sends so the pipeline drops the raw row and subtracts it from aggregates. {@code clientHash} is a
 * keyed hash of the client address, never the address itself.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MeasurementEvent(
        Type type,
        UUID id,
        Measurement measurement,
        Instant receivedAt,
        String clientHash,
        String apiKeyId,
        String collectorVersion) {

    /** What the event asks the pipeline to do. */
    public enum Type {
        MEASUREMENT,
        ERASURE
    }

    public static MeasurementEvent measurement(
            Measurement m, Instant receivedAt, String clientHash, String apiKeyId, String version) {
        return new MeasurementEvent(
                Type.MEASUREMENT, m.id(), m, receivedAt, clientHash, apiKeyId, version);
    }

    public static MeasurementEvent erasure(UUID id, Instant receivedAt, String version) {
        return new MeasurementEvent(Type.ERASURE, id, null, receivedAt, null, null, version);
    }

    /** The key that counts distinct devices: the probe's API key, else the hashed client. */
    public String deviceKey() {
        return apiKeyId != null ? "key:" + apiKeyId : clientHash;
    }
}
