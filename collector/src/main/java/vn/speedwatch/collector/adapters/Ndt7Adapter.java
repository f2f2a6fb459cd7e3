package vn.speedwatch.collector.adapters;

import static vn.speedwatch.model.MeasurementField.IP_VERSION;
import static vn.speedwatch.model.MeasurementField.SERVER;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.util.Set;
import java.util.UUID;
import vn.speedwatch.model.ClientKind;

/**
 * M-Lab ndt7 results from {@code github.com/m-lab/ndt7-client-go}, in the three shapes it has
 * published:
 *
 * <ol>
 *   <li>the summary {@code ndt7-client -format json} prints last: {@code Download} and {@code
 *       Upload} each with {@code UUID}, {@code Throughput}, {@code Latency} and {@code
 *       Retransmission} as {@code {"Value", "Unit"}} pairs (Mbit/s, ms, %);
 *   <li>the earlier summary: {@code Download}, {@code Upload} (Mbit/s), {@code RTT} (ms) and {@code
 *       DownloadRetrans} (%) pairs and {@code DownloadUUID};
 *   <li>the latest measurements per subtest, as the library's {@code LatestMeasurements}: {@code
 *       Download} and {@code Upload} each with {@code Client} and {@code Server} ndt7 measurement
 *       messages ({@code AppInfo}, {@code TCPInfo}, {@code ConnectionInfo}) — see {@link
 *       Ndt7Measurements}.
 * </ol>
 *
 * <p>{@code ServerFQDN} names the server. The M-Lab test UUID gives a stable id. Client addresses
 * ({@code ClientIP}, {@code ConnectionInfo.Client}) only give the IP version. ndt7 results carry no
 * time: they are dated on arrival unless the context gives {@code measuredAt}.
 */
final class Ndt7Adapter extends AbstractAdapter {

    static final String FORMAT = "ndt7";

    Ndt7Adapter(Clock clock) {
        super(FORMAT, ClientKind.NDT7, clock);
    }

    @Override
    void map(Source r, ContractOut out) {
        JsonNode download = r.node("/Download");
        if (download.isMissingNode()) {
            r.problems().missing(r.pointer("/Download"));
        } else if (!download.isObject()) {
            r.problems().notObject(r.pointer("/Download"));
        } else if (download.has("Throughput")) {
            Ndt7Summary.mapCurrent(r, out);
        } else if (download.has("Value")) {
            Ndt7Summary.mapLegacy(r, out);
        } else if (download.has("Client") || download.has("Server")) {
            Ndt7Measurements.map(r, out);
        } else {
            r.reject(
                    "/Download",
                    "Không nhận ra kết quả ndt7: cần Throughput, Value hoặc Client/Server",
                    "Unrecognised ndt7 result: expected Throughput, Value or Client/Server");
        }
        String fqdn = r.text("/ServerFQDN", false);
        if (fqdn != null && !IpVersion.isLiteral(fqdn)) {
            out.put(SERVER, fqdn);
        }
        if (!out.has(IP_VERSION)) {
            out.put(IP_VERSION, IpVersion.of(r.text("/ClientIP", false)));
        }
    }

    @Override
    String timePath() {
        return null;
    }

    @Override
    Set<String> addressMembers() {
        return Set.of("ClientIP", "ClientPort", "ServerIP", "ConnectionInfo");
    }

    /** The id of an M-Lab test UUID (not itself a UUID: "ndt-4c6fb_1589_00000000001A2B3C"). */
    static UUID idOf(String mlabUuid) {
        return mlabUuid == null ? null : StableIds.nameBased(FORMAT, mlabUuid);
    }
}
