package vn.speedwatch.jobs.sinks;

import java.time.Instant;
import java.util.UUID;
import vn.speedwatch.jobs.records.DeadLetter;
import vn.speedwatch.jobs.records.EnrichedMeasurement;
import vn.speedwatch.jobs.records.QualityAggregate;
import vn.speedwatch.jobs.records.RawChange;
import vn.speedwatch.warehouse.DeadLetterRow;
import vn.speedwatch.warehouse.QualityAggregateRow;
import vn.speedwatch.warehouse.RawMeasurementRow;

/** Conversions between the job's records and the warehouse's row records. */
public final class Rows {

    private Rows() {}

    public static RawMeasurementRow raw(RawChange c) {
        EnrichedMeasurement m = c.row;
        return new RawMeasurementRow(
                UUID.fromString(m.id),
                Instant.ofEpochMilli(m.measuredAtMillis),
                Instant.ofEpochMilli(m.receivedAtMillis),
                m.downloadMbps,
                m.uploadMbps,
                m.latencyMs,
                m.jitterMs,
                m.packetLossPercent,
                m.loadedLatencyMs,
                m.operator,
                m.operatorRaw,
                m.accessType,
                m.planDownloadMbps,
                m.planUploadMbps,
                m.tdpCode,
                m.cellId,
                c.latitude,
                c.longitude,
                c.accuracyM,
                m.server,
                m.client,
                m.ipVersion,
                m.deviceHash,
                m.apiKeyId,
                m.qcvnPass,
                m.target2030Pass,
                m.note);
    }

    /** A stored raw row as the aggregation stages see it (no coordinates, no quadkey). */
    public static EnrichedMeasurement enriched(RawMeasurementRow r) {
        EnrichedMeasurement m = new EnrichedMeasurement();
        m.id = r.id().toString();
        m.measuredAtMillis = r.measuredAt().toEpochMilli();
        m.receivedAtMillis = r.receivedAt().toEpochMilli();
        m.downloadMbps = r.downloadMbps();
        m.uploadMbps = r.uploadMbps();
        m.latencyMs = r.latencyMs();
        m.jitterMs = r.jitterMs();
        m.packetLossPercent = r.packetLossPercent();
        m.loadedLatencyMs = r.loadedLatencyMs();
        m.operator = r.operator();
        m.operatorRaw = r.operatorRaw();
        m.accessType = r.accessType();
        m.planDownloadMbps = r.planDownloadMbps();
        m.planUploadMbps = r.planUploadMbps();
        m.tdpCode = r.tdpCode();
        m.cellId = r.cellId();
        m.server = r.server();
        m.client = r.client();
        m.ipVersion = r.ipVersion();
        m.deviceHash = r.deviceHash();
        m.apiKeyId = r.apiKeyId();
        m.qcvnPass = r.qcvnPass();
        m.target2030Pass = r.target2030Pass();
        m.note = r.note();
        return m;
    }

    public static QualityAggregateRow aggregate(QualityAggregate q) {
        boolean any = q.sampleCount > 0;
        return new QualityAggregateRow(
                q.resolution,
                Instant.ofEpochMilli(q.bucketStartMillis),
                q.tdpCode,
                q.operator,
                q.accessType,
                q.sampleCount,
                q.deviceCount,
                any ? q.downloadMean : null,
                any ? q.downloadMedian : null,
                any ? q.downloadP10 : null,
                any ? q.downloadP90 : null,
                any ? q.uploadMean : null,
                any ? q.uploadMedian : null,
                any ? q.uploadP10 : null,
                any ? q.uploadP90 : null,
                any ? q.latencyMean : null,
                any ? q.latencyMedian : null,
                any ? q.latencyP10 : null,
                any ? q.latencyP90 : null,
                q.qcvnEvaluatedCount,
                q.belowQcvnCount,
                q.belowQcvnShare(),
                q.downloadSketch,
                q.uploadSketch,
                q.latencySketch,
                new QualityAggregateRow.TargetCounts(
                        q.target2030EvaluatedCount,
                        q.target2030PassCount,
                        q.planGigabitCount,
                        q.ipKnownCount,
                        q.ipv6Count),
                // Day rows only: 1.3 KB per row would multiply by 24 on hour rows, and the
                // dashboards merge days.
                QualityAggregateRow.DAY.equals(q.resolution) ? q.deviceSketch : null);
    }

    public static DeadLetterRow deadLetter(DeadLetter d) {
        return new DeadLetterRow(
                null,
                Instant.ofEpochMilli(d.receivedAtMillis),
                d.recordKey,
                d.payload,
                d.reason,
                d.violationsJson,
                d.recordRef);
    }
}
