package vn.speedwatch.collector.adapters;

import static vn.speedwatch.model.MeasurementField.DOWNLOAD_MBPS;
import static vn.speedwatch.model.MeasurementField.ID;
import static vn.speedwatch.model.MeasurementField.IP_VERSION;
import static vn.speedwatch.model.MeasurementField.JITTER_MS;
import static vn.speedwatch.model.MeasurementField.LATENCY_MS;
import static vn.speedwatch.model.MeasurementField.LOADED_LATENCY_MS;
import static vn.speedwatch.model.MeasurementField.PACKET_LOSS_PERCENT;
import static vn.speedwatch.model.MeasurementField.UPLOAD_MBPS;

import java.math.BigDecimal;

/**
 * The latest ndt7 measurement messages of each subtest ({@code {"Download": {"Client": …, "Server":
 * …}, "Upload": …}}), read as ndt7-client-go computes its summary. Times and RTTs in the messages
 * are microseconds ({@code ndt7-protocol.md}):
 *
 * <ul>
 *   <li>download Mbps = {@code Client.AppInfo.NumBytes} × 8 / {@code ElapsedTime}, at the receiver;
 *   <li>upload Mbps = {@code Server.TCPInfo.BytesReceived} × 8 / {@code
 *       Server.TCPInfo.ElapsedTime}, at the receiver, or the client's {@code AppInfo} when the
 *       server sent no TCPInfo;
 *   <li>latency = download {@code TCPInfo.MinRTT}; loaded latency = its smoothed {@code RTT} at the
 *       end of the download; jitter = its {@code RTTVar}; packet loss = {@code BytesRetrans} /
 *       {@code BytesSent} × 100, M-Lab's loss figure.
 * </ul>
 */
final class Ndt7Measurements {

    private static final String DOWNLOAD_TCP = "/Download/Server/TCPInfo";

    private Ndt7Measurements() {}

    static void map(Source r, ContractOut out) {
        out.put(
                DOWNLOAD_MBPS,
                throughput(
                        r,
                        "/Download/Client/AppInfo/NumBytes",
                        "/Download/Client/AppInfo/ElapsedTime"));
        if (r.has("/Upload/Server/TCPInfo/BytesReceived")) {
            out.put(
                    UPLOAD_MBPS,
                    throughput(
                            r,
                            "/Upload/Server/TCPInfo/BytesReceived",
                            "/Upload/Server/TCPInfo/ElapsedTime"));
        } else {
            out.put(
                    UPLOAD_MBPS,
                    throughput(
                            r,
                            "/Upload/Client/AppInfo/NumBytes",
                            "/Upload/Client/AppInfo/ElapsedTime"));
        }
        out.convert(LATENCY_MS, r.number(DOWNLOAD_TCP + "/MinRTT", true), Units::microsToMillis);
        out.convert(
                LOADED_LATENCY_MS, r.number(DOWNLOAD_TCP + "/RTT", false), Units::microsToMillis);
        out.convert(JITTER_MS, r.number(DOWNLOAD_TCP + "/RTTVar", false), Units::microsToMillis);
        out.put(PACKET_LOSS_PERCENT, retransmission(r));
        out.put(
                ID,
                Ndt7Adapter.idOf(
                        firstText(
                                r,
                                "/Download/ConnectionInfo/UUID",
                                "/Download/Server/ConnectionInfo/UUID")));
        out.put(
                IP_VERSION,
                IpVersion.of(
                        firstText(
                                r,
                                "/Download/ConnectionInfo/Client",
                                "/Download/Server/ConnectionInfo/Client")));
    }

    private static Double throughput(Source r, String bytesPath, String microsPath) {
        BigDecimal bytes = r.number(bytesPath, true);
        BigDecimal micros = r.number(microsPath, true);
        if (micros != null && micros.signum() <= 0) {
            r.problems().notPositive(r.pointer(microsPath));
            return null;
        }
        return bytes == null || micros == null ? null : Units.bytesOverMicrosToMbps(bytes, micros);
    }

    private static Double retransmission(Source r) {
        BigDecimal retrans = r.number(DOWNLOAD_TCP + "/BytesRetrans", false);
        BigDecimal sent = r.number(DOWNLOAD_TCP + "/BytesSent", false);
        if (retrans == null || sent == null || sent.signum() <= 0) {
            return null;
        }
        return Units.percent(retrans, sent);
    }

    private static String firstText(Source r, String path, String otherPath) {
        String text = r.text(path, false);
        return text != null ? text : r.text(otherPath, false);
    }
}
