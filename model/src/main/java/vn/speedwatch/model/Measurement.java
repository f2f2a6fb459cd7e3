package vn.speedwatch.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One speed-test result: the public contract of {@code POST /api/v1/measurements}.
 *
 * <p>JSON names are the record component names. Only {@code id}, {@code measuredAt}, {@code
 * downloadMbps}, {@code uploadMbps} and {@code latencyMs} are required; {@link MeasurementParser}
 * checks values. {@code operator} keeps what the person typed; {@link Operator#normalise(String)}
 * maps it to a code. Location is either coordinates (with consent) or a TDP code the person chose.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Measurement(
        UUID id,
        OffsetDateTime measuredAt,
        Double downloadMbps,
        Double uploadMbps,
        Double latencyMs,
        Double jitterMs,
        Double packetLossPercent,
        Double loadedLatencyMs,
        String operator,
        AccessType accessType,
        Double planDownloadMbps,
        Double planUploadMbps,
        Double latitude,
        Double longitude,
        Double accuracyM,
        String tdpCode,
        String server,
        ClientKind client,
        Integer ipVersion,
        Boolean consent,
        String note) {

    /** True when the person gave a position (both coordinates present). */
    public boolean hasCoordinates() {
        return latitude != null && longitude != null;
    }

    /** The operator code for the free-text {@link #operator()}. */
    public Operator operatorCode() {
        return Operator.normalise(operator);
    }

    /** The access type, {@link AccessType#UNKNOWN} when not given. */
    public AccessType accessTypeOrUnknown() {
        return accessType == null ? AccessType.UNKNOWN : accessType;
    }
}
