package vn.speedwatch.warehouse;

import static vn.speedwatch.warehouse.Require.finite;
import static vn.speedwatch.warehouse.Require.finiteOrNull;
import static vn.speedwatch.warehouse.Require.noNul;
import static vn.speedwatch.warehouse.Require.present;
import static vn.speedwatch.warehouse.Require.storable;
import static vn.speedwatch.warehouse.Require.text;

import java.time.Instant;
import java.util.UUID;

/**
 * One row of {@code measurements_raw}: an accepted, de-duplicated measurement as stored. Numbers
 * that may be missing are {@code Double}/{@code Integer}/{@code Boolean}; operator and access type
 * are the enum names of {@code Operator} and {@code AccessType}.
 */
public record RawMeasurementRow(
        UUID id,
        Instant measuredAt,
        Instant receivedAt,
        double downloadMbps,
        double uploadMbps,
        double latencyMs,
        Double jitterMs,
        Double packetLossPercent,
        Double loadedLatencyMs,
        String operator,
        String operatorRaw,
        String accessType,
        Double planDownloadMbps,
        Double planUploadMbps,
        String tdpCode,
        String cellId,
        Double latitude,
        Double longitude,
        Double accuracyM,
        String server,
        String client,
        Integer ipVersion,
        String deviceHash,
        String apiKeyId,
        Boolean qcvnPass,
        Boolean target2030Pass,
        String note) {

    private static final String T = "measurements_raw";

    public RawMeasurementRow {
        present(id, T, "id");
        present(measuredAt, T, "measured_at");
        present(receivedAt, T, "received_at");
        finite(downloadMbps, T, "download_mbps");
        finite(uploadMbps, T, "upload_mbps");
        finite(latencyMs, T, "latency_ms");
        finiteOrNull(jitterMs, T, "jitter_ms");
        finiteOrNull(packetLossPercent, T, "packet_loss_percent");
        finiteOrNull(loadedLatencyMs, T, "loaded_latency_ms");
        text(operator, T, "operator");
        text(accessType, T, "access_type");
        finiteOrNull(planDownloadMbps, T, "plan_download_mbps");
        finiteOrNull(planUploadMbps, T, "plan_upload_mbps");
        text(tdpCode, T, "tdp_code");
        finiteOrNull(latitude, T, "latitude");
        finiteOrNull(longitude, T, "longitude");
        finiteOrNull(accuracyM, T, "accuracy_m");
        operatorRaw = storable(operatorRaw);
        cellId = noNul(cellId, T, "cell_id");
        server = storable(server);
        client = storable(client);
        deviceHash = noNul(deviceHash, T, "device_hash");
        apiKeyId = noNul(apiKeyId, T, "api_key_id");
        note = storable(note);
        if (ipVersion != null && ipVersion != 4 && ipVersion != 6) {
            throw new IllegalArgumentException(T + ".ip_version must be 4 or 6, got " + ipVersion);
        }
    }

    /** This row without its precise position, as kept after the coordinate retention period. */
    public RawMeasurementRow withoutCoordinates() {
        return new RawMeasurementRow(
                id,
                measuredAt,
                receivedAt,
                downloadMbps,
                uploadMbps,
                latencyMs,
                jitterMs,
                packetLossPercent,
                loadedLatencyMs,
                operator,
                operatorRaw,
                accessType,
                planDownloadMbps,
                planUploadMbps,
                tdpCode,
                cellId,
                null,
                null,
                null,
                server,
                client,
                ipVersion,
                deviceHash,
                apiKeyId,
                qcvnPass,
                target2030Pass,
                note);
    }
}
