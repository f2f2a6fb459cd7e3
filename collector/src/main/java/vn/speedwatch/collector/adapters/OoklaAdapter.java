package vn.speedwatch.collector.adapters;

import static vn.speedwatch.model.MeasurementField.DOWNLOAD_MBPS;
import static vn.speedwatch.model.MeasurementField.ID;
import static vn.speedwatch.model.MeasurementField.IP_VERSION;
import static vn.speedwatch.model.MeasurementField.JITTER_MS;
import static vn.speedwatch.model.MeasurementField.LATENCY_MS;
import static vn.speedwatch.model.MeasurementField.LOADED_LATENCY_MS;
import static vn.speedwatch.model.MeasurementField.MEASURED_AT;
import static vn.speedwatch.model.MeasurementField.OPERATOR;
import static vn.speedwatch.model.MeasurementField.PACKET_LOSS_PERCENT;
import static vn.speedwatch.model.MeasurementField.SERVER;
import static vn.speedwatch.model.MeasurementField.UPLOAD_MBPS;

import java.time.Clock;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import vn.speedwatch.model.ClientKind;

/**
 * Ookla Speedtest CLI results, the {@code "type": "result"} line of {@code speedtest -f json}.
 *
 * <p>{@code download.bandwidth} and {@code upload.bandwidth} are bytes per second (× 8 / 1 000 000
 * gives Mbps); {@code ping.latency} and {@code ping.jitter} are ms; {@code download.latency.iqm}
 * (the latency while downloading) is the loaded latency; {@code packetLoss} is a percentage and
 * absent when the server could not measure it; {@code isp} is the operator; {@code result.id} is
 * the id. {@code interface} (internal and external IP, MAC address) and {@code server.ip} are never
 * copied: only the IP version of {@code interface.externalIp} is kept.
 */
final class OoklaAdapter extends AbstractAdapter {

    static final String FORMAT = "ookla";

    private static final Pattern UUID_FORM =
            Pattern.compile(
                    "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    OoklaAdapter(Clock clock) {
        super(FORMAT, ClientKind.OOKLA_CLI, clock);
    }

    @Override
    void map(Source r, ContractOut out) {
        String type = r.text("/type", false);
        if (type != null && !type.equals("result")) {
            r.reject(
                    "/type",
                    "Không phải dòng kết quả của Speedtest CLI (type phải là \"result\")",
                    "Not a Speedtest CLI result line (type must be \"result\")");
        }
        out.put(MEASURED_AT, r.time("/timestamp", false));
        out.convert(
                DOWNLOAD_MBPS, r.number("/download/bandwidth", true), Units::bytesPerSecondToMbps);
        out.convert(UPLOAD_MBPS, r.number("/upload/bandwidth", true), Units::bytesPerSecondToMbps);
        out.put(LATENCY_MS, r.number("/ping/latency", true));
        out.put(JITTER_MS, r.number("/ping/jitter", false));
        out.put(LOADED_LATENCY_MS, r.number("/download/latency/iqm", false));
        out.put(PACKET_LOSS_PERCENT, r.number("/packetLoss", false));
        out.put(OPERATOR, r.text("/isp", false));
        out.put(SERVER, server(r));
        out.put(IP_VERSION, IpVersion.of(r.text("/interface/externalIp", false)));
        out.put(ID, id(r));
    }

    @Override
    String timePath() {
        return "/timestamp";
    }

    @Override
    Set<String> addressMembers() {
        return Set.of("interface", "ip");
    }

    /** "Viettel Network - Hai Phong (speedtest.example.vn)"; an address as host is left out. */
    private static String server(Source r) {
        String name = r.text("/server/name", false);
        String location = r.text("/server/location", false);
        String host = r.text("/server/host", false);
        StringBuilder s = new StringBuilder();
        if (name != null) {
            s.append(name);
        }
        if (location != null) {
            s.append(s.length() > 0 ? " - " : "").append(location);
        }
        if (host != null && !IpVersion.isLiteral(host)) {
            s.append(s.length() > 0 ? " (" + host + ")" : host);
        }
        return s.length() > 0 ? s.toString() : null;
    }

    /** Ookla's result UUID; when it is absent or malformed the stable derived id is used. */
    private static UUID id(Source r) {
        String id = r.text("/result/id", false);
        return id != null && UUID_FORM.matcher(id).matches() ? UUID.fromString(id) : null;
    }
}
