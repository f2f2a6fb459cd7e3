package vn.speedwatch.collector.adapters;

import static vn.speedwatch.model.MeasurementField.DOWNLOAD_MBPS;
import static vn.speedwatch.model.MeasurementField.LATENCY_MS;
import static vn.speedwatch.model.MeasurementField.MEASURED_AT;
import static vn.speedwatch.model.MeasurementField.SERVER;
import static vn.speedwatch.model.MeasurementField.UPLOAD_MBPS;

import java.time.Clock;
import java.util.Set;
import vn.speedwatch.model.ClientKind;

/**
 * Results typed by hand from VNNIC's i-Speed app, which has no export: {@code download} and {@code
 * upload} in Mbps, {@code ping} in ms, {@code time}, {@code serverName} and {@code operator}, next
 * to the contract fields the form also asks for (accessType, tdpCode, coordinates with consent,
 * plan, note).
 *
 * <p>Numbers may use a decimal comma ("85,3") and may end with their unit ("85,3 Mbps"), as people
 * type them on Vietnamese phones. {@code time} is "dd/MM/yyyy HH:mm" (also "HH:mm dd/MM/yyyy") in
 * Vietnamese local time, or ISO-8601; it is required because entries are often typed later than the
 * test ran.
 */
final class ISpeedAdapter extends AbstractAdapter {

    static final String FORMAT = "ispeed";

    ISpeedAdapter(Clock clock) {
        super(FORMAT, ClientKind.I_SPEED_MANUAL, clock);
    }

    @Override
    void map(Source r, ContractOut out) {
        out.put(DOWNLOAD_MBPS, r.decimal("/download", true, "Mbps", "Mbit/s", "Mb/s"));
        out.put(UPLOAD_MBPS, r.decimal("/upload", true, "Mbps", "Mbit/s", "Mb/s"));
        out.put(LATENCY_MS, r.decimal("/ping", true, "ms"));
        out.put(MEASURED_AT, r.time("/time", false));
        out.put(SERVER, r.text("/serverName", false));
    }

    /** The form carries the contract fields (operator included) beside the typed values. */
    @Override
    Source residentFields(Source result) {
        return result;
    }

    @Override
    String timePath() {
        return "/time";
    }

    @Override
    Set<String> addressMembers() {
        return Set.of();
    }
}
