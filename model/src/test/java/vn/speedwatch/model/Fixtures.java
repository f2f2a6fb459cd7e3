package vn.speedwatch.model;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/** Named instants and factories shared by the model tests. */
final class Fixtures {

    static final Instant NOW = Instant.parse("2026-11-27T05:00:00Z");
    static final ZoneOffset HANOI = ZoneOffset.ofHours(7);
    static final OffsetDateTime ONE_HOUR_AGO = NOW.minusSeconds(3600).atOffset(HANOI);
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    static final ValidationLimits LIMITS = ValidationLimits.defaults().withClock(CLOCK);
    static final UUID ID = UUID.fromString("0f8fad5b-d9cb-469f-a165-70867728950e");

    private Fixtures() {}

    /** The smallest valid body: the five required fields. */
    static ObjectNode minimalBody() {
        ObjectNode body = Json.mapper().createObjectNode();
        body.put("id", ID.toString());
        body.put("measuredAt", ONE_HOUR_AGO.toString());
        body.put("downloadMbps", 85.5);
        body.put("uploadMbps", 40.0);
        body.put("latencyMs", 12.0);
        return body;
    }

    /** A valid body with every field of the contract set. */
    static ObjectNode fullBody() {
        ObjectNode body = minimalBody();
        body.put("jitterMs", 2.5);
        body.put("packetLossPercent", 0.1);
        body.put("loadedLatencyMs", 80.0);
        body.put("operator", "Viettel Telecom");
        body.put("accessType", "FIXED_FIBER");
        body.put("planDownloadMbps", 300.0);
        body.put("planUploadMbps", 300.0);
        body.put("latitude", 20.9368);
        body.put("longitude", 106.6627);
        body.put("accuracyM", 15.0);
        body.put("tdpCode", "TDP-07");
        body.put("server", "speedtest.vnpt.vn");
        body.put("client", "librespeed");
        body.put("ipVersion", 6);
        body.put("consent", true);
        body.put("note", "Đo lúc 20h, mạng chậm");
        return body;
    }

    /** The record {@link #fullBody()} describes. */
    static Measurement fullMeasurement() {
        return new Measurement(
                ID,
                ONE_HOUR_AGO,
                85.5,
                40.0,
                12.0,
                2.5,
                0.1,
                80.0,
                "Viettel Telecom",
                AccessType.FIXED_FIBER,
                300.0,
                300.0,
                20.9368,
                106.6627,
                15.0,
                "TDP-07",
                "speedtest.vnpt.vn",
                ClientKind.LIBRESPEED,
                6,
                true,
                "Đo lúc 20h, mạng chậm");
    }

    /** A valid measurement with only the required fields. */
    static Measurement measurement(double down, double up, double latency) {
        return new Measurement(
                ID,
                ONE_HOUR_AGO,
                down,
                up,
                latency,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
    }
}
