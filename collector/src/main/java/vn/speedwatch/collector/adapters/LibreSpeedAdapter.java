package vn.speedwatch.collector.adapters;

import static vn.speedwatch.model.MeasurementField.DOWNLOAD_MBPS;
import static vn.speedwatch.model.MeasurementField.IP_VERSION;
import static vn.speedwatch.model.MeasurementField.JITTER_MS;
import static vn.speedwatch.model.MeasurementField.LATENCY_MS;
import static vn.speedwatch.model.MeasurementField.MEASURED_AT;
import static vn.speedwatch.model.MeasurementField.OPERATOR;
import static vn.speedwatch.model.MeasurementField.UPLOAD_MBPS;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.speedwatch.model.ClientKind;

/**
 * LibreSpeed telemetry: the form fields LibreSpeed's speed test posts to {@code
 * results/telemetry.php}, as one JSON object (the collector turns a form body into an object of
 * strings; numbers are accepted too).
 *
 * <p>{@code dl} and {@code ul} are Mbps and {@code ping} and {@code jitter} ms, as the text the
 * test showed ("85.32"). {@code ispinfo} is the JSON string of {@code getIP.php}: the operator is
 * {@code rawIspInfo.org} without its "AS1234 " prefix (or {@code rawIspInfo.as_name}), else the ISP
 * part of {@code processedString} ("<ip> - Viettel Group, VN (<20 km)"). {@code extra}, the page's
 * free {@code telemetry_extra} string, may hold a JSON object of contract fields (tdpCode,
 * accessType, …), read like a context. {@code timestamp} is used when present, else the time of
 * arrival. The IP in {@code ispinfo} and the test {@code log} are never copied.
 */
final class LibreSpeedAdapter extends AbstractAdapter {

    static final String FORMAT = "librespeed";

    /** getIP.php's processedString: address, " - ", ISP, ", " country, optional distance. */
    private static final Pattern PROCESSED =
            Pattern.compile("(\\S+) - (.+?)(?:, [A-Z]{2})?(?: \\([^)]*\\))?");

    private static final Pattern AS_PREFIX = Pattern.compile("^AS\\d+\\s+");

    LibreSpeedAdapter(Clock clock) {
        super(FORMAT, ClientKind.LIBRESPEED, clock);
    }

    @Override
    void map(Source r, ContractOut out) {
        out.put(DOWNLOAD_MBPS, r.decimal("/dl", true, "Mbps", "Mbit/s"));
        out.put(UPLOAD_MBPS, r.decimal("/ul", true, "Mbps", "Mbit/s"));
        out.put(LATENCY_MS, r.decimal("/ping", true, "ms"));
        out.put(JITTER_MS, r.decimal("/jitter", false, "ms"));
        out.put(MEASURED_AT, r.time("/timestamp", false));
        Source ispInfo = r.embedded("/ispinfo");
        if (ispInfo != null) {
            out.put(OPERATOR, operator(ispInfo));
            out.put(IP_VERSION, ipVersion(ispInfo));
        }
    }

    /** The JSON object in {@code extra}; free text that is not JSON is the page's own business. */
    @Override
    Source residentFields(Source r) {
        JsonNode extra = r.node("/extra");
        boolean json =
                extra.isObject() || extra.isTextual() && extra.textValue().strip().startsWith("{");
        return json ? r.embedded("/extra") : null;
    }

    @Override
    String timePath() {
        return null;
    }

    @Override
    Set<String> addressMembers() {
        return Set.of("ispinfo", "log");
    }

    private static String operator(Source ispInfo) {
        if (ispInfo.node("/rawIspInfo").isObject()) {
            String org = ispInfo.text("/rawIspInfo/org", false);
            String asName = ispInfo.text("/rawIspInfo/as_name", false);
            if (org != null) {
                return AS_PREFIX.matcher(org).replaceFirst("");
            } else if (asName != null) {
                return asName;
            }
            return ispFromProcessed(ispInfo);
        }
        // Without rawIspInfo the text after " - " describes the address ("private IPv4 access").
        return null;
    }

    private static String ispFromProcessed(Source ispInfo) {
        String processed = ispInfo.text("/processedString", false);
        Matcher m = processed == null ? null : PROCESSED.matcher(processed);
        if (m == null || !m.matches() || m.group(2).equals("Unknown ISP")) {
            return null;
        }
        return m.group(2);
    }

    private static Integer ipVersion(Source ispInfo) {
        String processed = ispInfo.text("/processedString", false);
        return processed == null ? null : IpVersion.of(processed.split("\\s+", 2)[0]);
    }
}
