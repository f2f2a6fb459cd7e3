package vn.speedwatch.jobs.functions;

import vn.speedwatch.jobs.records.ParsedEvent;
import vn.speedwatch.model.Measurement;

/** Copies a validated {@link Measurement} and its event metadata into a {@link ParsedEvent}. */
final class MeasurementFlattener {

    private MeasurementFlattener() {}

    static ParsedEvent flatten(
            Measurement m, String apiKeyId, String clientHash, long receivedAtMillis) {
        ParsedEvent p = new ParsedEvent();
        p.type = ParsedEvent.MEASUREMENT;
        p.id = m.id().toString();
        p.measuredAtMillis = m.measuredAt().toInstant().toEpochMilli();
        p.receivedAtMillis = receivedAtMillis;
        p.downloadMbps = m.downloadMbps();
        p.uploadMbps = m.uploadMbps();
        p.latencyMs = m.latencyMs();
        p.jitterMs = m.jitterMs();
        p.packetLossPercent = m.packetLossPercent();
        p.loadedLatencyMs = m.loadedLatencyMs();
        p.operatorRaw = m.operator();
        p.accessType = m.accessTypeOrUnknown().name();
        p.planDownloadMbps = m.planDownloadMbps();
        p.planUploadMbps = m.planUploadMbps();
        p.latitude = m.latitude();
        p.longitude = m.longitude();
        p.accuracyM = m.accuracyM();
        p.chosenTdpCode = m.tdpCode();
        p.server = m.server();
        p.client = m.client() == null ? null : m.client().json();
        p.ipVersion = m.ipVersion();
        p.apiKeyId = apiKeyId;
        // Same rule as MeasurementEvent.deviceKey(): the probe's key, else the hashed client.
        p.deviceHash = p.apiKeyId != null ? "key:" + p.apiKeyId : clientHash;
        p.note = m.note();
        return p;
    }
}
