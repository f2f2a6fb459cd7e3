package vn.speedwatch.warehouse;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.speedwatch.model.Settings;

/**
 * The privacy clean-up the scheduled job runs (Decree 13/2023/NĐ-CP): forget precise coordinates
 * after {@code privacy.keep-coordinates} (default 30 days, the key stream-jobs uses too) and delete
 * raw measurements after {@code privacy.keep-raw} (default 400 days; pass the same value to {@link
 * Warehouse#migrate(javax.sql.DataSource, Duration)} for the TimescaleDB policy). On TimescaleDB
 * the retention policy also drops whole chunks; running this there too is harmless and keeps both
 * databases equally clean.
 */
public final class Retention {

    private static final Logger LOG = LoggerFactory.getLogger(Retention.class);

    /** How long each kind of data is kept. */
    public record Policy(Duration coordinates, Duration raw) {
        public Policy {
            Objects.requireNonNull(coordinates, "coordinates");
            Objects.requireNonNull(raw, "raw");
            if (coordinates.isNegative() || coordinates.compareTo(raw) > 0) {
                throw new IllegalArgumentException(
                        "privacy.keep-coordinates ("
                                + coordinates
                                + ") must be between 0 and privacy.keep-raw ("
                                + raw
                                + ")");
            }
        }

        /** Reads {@code privacy.keep-coordinates} and {@code privacy.keep-raw}. */
        public static Policy from(Settings s) {
            return new Policy(
                    s.duration("privacy.keep-coordinates", Duration.ofDays(30)),
                    s.duration("privacy.keep-raw", TimeSeriesLayout.DEFAULT_RAW_RETENTION));
        }
    }

    /** What one run changed. */
    public record Result(int coordinatesForgotten, int rowsDeleted) {}

    private final MeasurementRepository measurements;
    private final Policy policy;

    public Retention(DataSource dataSource, Policy policy) {
        this.measurements = new MeasurementRepository(dataSource);
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    /** Applies the policy as of {@code now}. */
    public Result apply(Instant now) {
        int deleted = measurements.deleteBefore(now.minus(policy.raw()));
        int forgotten = measurements.forgetCoordinatesBefore(now.minus(policy.coordinates()));
        LOG.info(
                "Retention at {}: forgot coordinates of {} measurements, deleted {} older than {}",
                now,
                forgotten,
                deleted,
                policy.raw());
        return new Result(forgotten, deleted);
    }
}
