package vn.speedwatch.collector.testing;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import vn.speedwatch.model.Json;

/** The valid measurement the collector's and the reliability module's tests post. */
public final class SampleMeasurements {

    private static final ZoneOffset HAI_PHONG = ZoneOffset.ofHours(7);

    private SampleMeasurements() {}

    /** A valid fibre measurement made ten minutes ago in TDP-07, as the web page sends it. */
    public static ObjectNode fibre(UUID id, double downloadMbps) {
        ObjectNode o = Json.mapper().createObjectNode();
        o.put("id", id.toString());
        o.put(
                "measuredAt",
                OffsetDateTime.now(HAI_PHONG)
                        .minusMinutes(10)
                        .truncatedTo(ChronoUnit.SECONDS)
                        .toString());
        o.put("downloadMbps", downloadMbps);
        o.put("uploadMbps", 42.5);
        o.put("latencyMs", 12.0);
        o.put("jitterMs", 1.5);
        o.put("operator", "Viettel");
        o.put("accessType", "FIXED_FIBER");
        o.put("tdpCode", "TDP-07");
        o.put("client", "web");
        o.put("consent", true);
        return o;
    }
}
