package vn.speedwatch.warehouse;

import java.time.Instant;
import java.util.UUID;

/** Test fixtures: named instants and row factories that read like the domain. */
final class Rows {

    /** 2025-03-10 08:00 in Hải Phòng (UTC+7). */
    static final Instant MORNING = Instant.parse("2025-03-10T01:00:00Z");

    static final Instant ONE_HOUR_LATER = MORNING.plusSeconds(3_600);
    static final Instant NEXT_DAY = MORNING.plusSeconds(86_400);
    static final Instant LAST_YEAR = MORNING.minusSeconds(500L * 86_400);

    static final String TDP_07 = "TDP-07";
    static final String TDP_12 = "TDP-12";
    static final String VIETTEL = "VIETTEL";
    static final String VNPT = "VNPT";
    static final String FIBER = "FIXED_FIBER";
    static final String MOBILE_4G = "MOBILE_4G";

    private Rows() {}

    /** A fibre measurement with a position and every optional field filled. */
    static RawMeasurementRow measurement(
            String operator, String tdp, double downloadMbps, Instant at) {
        return new RawMeasurementRow(
                UUID.randomUUID(),
                at,
                at.plusSeconds(2),
                downloadMbps,
                downloadMbps / 2,
                12.5,
                1.5,
                0.0,
                40.0,
                operator,
                operator + " Telecom",
                FIBER,
                300.0,
                300.0,
                tdp,
                "c-20.93-106.67",
                20.9312,
                106.6711,
                15.0,
                "speedtest.vn",
                "WEB",
                4,
                "dev-" + tdp,
                "key-1",
                downloadMbps >= 100,
                false,
                "tầng 2, phòng khách");
    }

    /** A measurement with only the required fields. */
    static RawMeasurementRow bare(String operator, String tdp, double downloadMbps, Instant at) {
        return new RawMeasurementRow(
                UUID.randomUUID(),
                at,
                at,
                downloadMbps,
                10.0,
                30.0,
                null,
                null,
                null,
                operator,
                null,
                MOBILE_4G,
                null,
                null,
                tdp,
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

    static RawMeasurementRow withDownload(RawMeasurementRow r, double downloadMbps) {
        return new RawMeasurementRow(
                r.id(),
                r.measuredAt(),
                r.receivedAt(),
                downloadMbps,
                r.uploadMbps(),
                r.latencyMs(),
                r.jitterMs(),
                r.packetLossPercent(),
                r.loadedLatencyMs(),
                r.operator(),
                r.operatorRaw(),
                r.accessType(),
                r.planDownloadMbps(),
                r.planUploadMbps(),
                r.tdpCode(),
                r.cellId(),
                r.latitude(),
                r.longitude(),
                r.accuracyM(),
                r.server(),
                r.client(),
                r.ipVersion(),
                r.deviceHash(),
                r.apiKeyId(),
                r.qcvnPass(),
                r.target2030Pass(),
                r.note());
    }

    static RawMeasurementRow withNote(RawMeasurementRow r, String note) {
        return new RawMeasurementRow(
                r.id(),
                r.measuredAt(),
                r.receivedAt(),
                r.downloadMbps(),
                r.uploadMbps(),
                r.latencyMs(),
                r.jitterMs(),
                r.packetLossPercent(),
                r.loadedLatencyMs(),
                r.operator(),
                r.operatorRaw(),
                r.accessType(),
                r.planDownloadMbps(),
                r.planUploadMbps(),
                r.tdpCode(),
                r.cellId(),
                r.latitude(),
                r.longitude(),
                r.accuracyM(),
                r.server(),
                r.client(),
                r.ipVersion(),
                r.deviceHash(),
                r.apiKeyId(),
                r.qcvnPass(),
                r.target2030Pass(),
                note);
    }

    static RawMeasurementRow withCellId(RawMeasurementRow r, String cellId) {
        return new RawMeasurementRow(
                r.id(),
                r.measuredAt(),
                r.receivedAt(),
                r.downloadMbps(),
                r.uploadMbps(),
                r.latencyMs(),
                r.jitterMs(),
                r.packetLossPercent(),
                r.loadedLatencyMs(),
                r.operator(),
                r.operatorRaw(),
                r.accessType(),
                r.planDownloadMbps(),
                r.planUploadMbps(),
                r.tdpCode(),
                cellId,
                r.latitude(),
                r.longitude(),
                r.accuracyM(),
                r.server(),
                r.client(),
                r.ipVersion(),
                r.deviceHash(),
                r.apiKeyId(),
                r.qcvnPass(),
                r.target2030Pass(),
                r.note());
    }

    static QualityAggregateRow hourly(
            String tdp,
            String operator,
            Instant bucket,
            long samples,
            double medianDownload,
            byte[] sketch) {
        return new QualityAggregateRow(
                QualityAggregateRow.HOUR,
                bucket,
                tdp,
                operator,
                FIBER,
                samples,
                (int) Math.min(samples, 5),
                medianDownload + 5,
                medianDownload,
                medianDownload / 2,
                medianDownload * 1.5,
                40.0,
                38.0,
                20.0,
                60.0,
                15.0,
                12.0,
                8.0,
                30.0,
                samples,
                samples / 4,
                (samples / 4) / (double) samples,
                sketch,
                null,
                sketch);
    }

    static HeatmapCellRow cell(String quadkey, String operator, Instant day, double median) {
        return new HeatmapCellRow(
                day,
                quadkey,
                operator,
                FIBER,
                20.93,
                106.67,
                42,
                6,
                median,
                median / 2,
                median / 3,
                14.0,
                0.1);
    }

    static AlertRow alert(String tdp, String operator, String kind, Instant openedAt) {
        return AlertRow.open(
                tdp,
                operator,
                FIBER,
                kind,
                openedAt,
                30L,
                25.0,
                90.0,
                0.4,
                "{\"reason\": \"trung vị giảm 72 %\"}");
    }

    static AreaRow area(String code, String name) {
        return new AreaRow(
                code,
                name,
                "Thủy Nguyên",
                1_250,
                "{\"type\": \"Polygon\", \"coordinates\": [[[106.66, 20.93], [106.67, 20.93], "
                        + "[106.67, 20.94], [106.66, 20.93]]]}",
                20.935,
                106.665);
    }
}
