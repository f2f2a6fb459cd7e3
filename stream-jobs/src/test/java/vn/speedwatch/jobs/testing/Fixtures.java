package vn.speedwatch.jobs.testing;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import vn.speedwatch.jobs.records.RawEvent;
import vn.speedwatch.model.AccessType;
import vn.speedwatch.model.ClientKind;
import vn.speedwatch.model.Json;
import vn.speedwatch.model.Measurement;
import vn.speedwatch.model.MeasurementEvent;
import vn.speedwatch.model.Operator;

/** Named instants and factories for topic records, so tests read like the situations they test. */
public final class Fixtures {

    /** The MiniCluster of the integration tests: one TaskManager with two slots (parallelism 2). */
    public static MiniClusterExtension miniCluster() {
        return new MiniClusterExtension(
                new MiniClusterResourceConfiguration.Builder()
                        .setNumberTaskManagers(1)
                        .setNumberSlotsPerTaskManager(2)
                        .build());
    }

    /** 08:00 in Thủy Nguyên on Monday 2 November 2026. */
    public static final Instant MONDAY_MORNING = Instant.parse("2026-11-02T01:00:00Z");

    public static final Instant ONE_HOUR_LATER = MONDAY_MORNING.plus(Duration.ofHours(1));
    public static final Instant NEXT_DAY = MONDAY_MORNING.plus(Duration.ofDays(1));

    /** Start of Monday 2 November 2026 in Thủy Nguyên (UTC+7). */
    public static final Instant MONDAY_LOCAL_MIDNIGHT = Instant.parse("2026-11-01T17:00:00Z");

    private Fixtures() {}

    /** A mobile 4G test at {@code at} in {@code tdp} (chosen by the person, no coordinates). */
    public static MeasurementEvent measurement(
            Operator op, String tdp, double downMbps, Instant at) {
        return measurement(UUID.randomUUID(), op, tdp, downMbps, at, "device-" + UUID.randomUUID());
    }

    public static MeasurementEvent measurement(
            UUID id, Operator op, String tdp, double downMbps, Instant at, String device) {
        return measurement(id, op, AccessType.MOBILE_4G, tdp, downMbps, at, device);
    }

    public static MeasurementEvent measurement(
            UUID id,
            Operator op,
            AccessType access,
            String tdp,
            double downMbps,
            Instant at,
            String device) {
        Measurement m =
                new Measurement(
                        id,
                        at.atOffset(ZoneOffset.ofHours(7)),
                        downMbps,
                        downMbps / 4,
                        20.0 + downMbps / 10,
                        3.0,
                        0.0,
                        null,
                        op.displayName(),
                        access,
                        null,
                        null,
                        null,
                        null,
                        null,
                        tdp,
                        "speedtest.vnpt.vn",
                        ClientKind.WEB,
                        4,
                        true,
                        null);
        return MeasurementEvent.measurement(m, at.plusSeconds(30), device, null, "test");
    }

    /** The same test located by coordinates instead of a chosen TDP. */
    public static MeasurementEvent locatedAt(MeasurementEvent e, double lat, double lon) {
        Measurement m = e.measurement();
        Measurement located =
                new Measurement(
                        m.id(),
                        m.measuredAt(),
                        m.downloadMbps(),
                        m.uploadMbps(),
                        m.latencyMs(),
                        m.jitterMs(),
                        m.packetLossPercent(),
                        m.loadedLatencyMs(),
                        m.operator(),
                        m.accessType(),
                        m.planDownloadMbps(),
                        m.planUploadMbps(),
                        lat,
                        lon,
                        12.0,
                        null,
                        m.server(),
                        m.client(),
                        m.ipVersion(),
                        m.consent(),
                        m.note());
        return MeasurementEvent.measurement(located, e.receivedAt(), e.clientHash(), null, "test");
    }

    public static MeasurementEvent erasure(UUID id, Instant at) {
        return MeasurementEvent.erasure(id, at, "test");
    }

    /** The topic record of an event, as the collector writes it. */
    public static RawEvent record(MeasurementEvent e) {
        try {
            return new RawEvent(e.id().toString(), Json.mapper().writeValueAsString(e));
        } catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
    }

    public static RawEvent malformed(String text) {
        return new RawEvent("broken", text);
    }
}
