package vn.speedwatch.collector.adapters;

import static vn.speedwatch.model.MeasurementField.DOWNLOAD_MBPS;
import static vn.speedwatch.model.MeasurementField.ID;
import static vn.speedwatch.model.MeasurementField.LATENCY_MS;
import static vn.speedwatch.model.MeasurementField.PACKET_LOSS_PERCENT;
import static vn.speedwatch.model.MeasurementField.UPLOAD_MBPS;

import java.math.BigDecimal;

/**
 * The summaries ndt7-client-go prints at the end of a test, already in Mbit/s, ms and %. The
 * latency is the server's MinRTT during the download; the retransmission rate during the download
 * is what M-Lab reports as its loss figure, so it becomes the packet loss.
 */
final class Ndt7Summary {

    private Ndt7Summary() {}

    /** The current summary: one object per subtest ({@code internal/emitter/summary.go}). */
    static void mapCurrent(Source r, ContractOut out) {
        out.put(DOWNLOAD_MBPS, value(r, "/Download/Throughput", "Mbit/s", true));
        out.put(UPLOAD_MBPS, value(r, "/Upload/Throughput", "Mbit/s", true));
        out.put(LATENCY_MS, value(r, "/Download/Latency", "ms", true));
        out.put(PACKET_LOSS_PERCENT, value(r, "/Download/Retransmission", "%", false));
        out.put(ID, Ndt7Adapter.idOf(r.text("/Download/UUID", false)));
    }

    /** The earlier flat summary ({@code cmd/ndt7-client/internal/emitter/summary.go}). */
    static void mapLegacy(Source r, ContractOut out) {
        out.put(DOWNLOAD_MBPS, value(r, "/Download", "Mbit/s", true));
        out.put(UPLOAD_MBPS, value(r, "/Upload", "Mbit/s", true));
        out.put(LATENCY_MS, value(r, "/RTT", "ms", true));
        out.put(PACKET_LOSS_PERCENT, value(r, "/DownloadRetrans", "%", false));
        out.put(ID, Ndt7Adapter.idOf(r.text("/DownloadUUID", false)));
    }

    /**
     * The {@code Value} of a {@code {"Value", "Unit"}} pair. Go writes a pair it never filled in as
     * {@code {"Value": 0, "Unit": ""}}: that is "not measured", not a measured zero.
     */
    private static BigDecimal value(Source r, String path, String unit, boolean required) {
        String given = r.has(path) ? r.text(path + "/Unit", false) : null;
        BigDecimal value = r.has(path) ? r.number(path + "/Value", true) : null;
        boolean unset = !r.has(path) || given == null && value != null && value.signum() == 0;
        if (unset) {
            if (required) {
                r.problems().missing(r.pointer(path));
            }
            return null;
        } else if (given != null && !given.equals(unit)) {
            r.reject(path + "/Unit", "Đơn vị phải là " + unit, "The unit must be " + unit);
            return null;
        }
        return value;
    }
}
