package vn.speedwatch.model;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * The bounds a measurement is checked against: the fixed numeric ranges of the contract (shared
 * with the JSON Schema, which a test keeps equal) and the configurable time window around "now".
 *
 * @param futureSkew how far in the future {@code measuredAt} may be, for phones with a fast clock
 * @param horizon how old {@code measuredAt} may be; older results no longer describe the network
 * @param clock the source of "now"; tests pass a fixed clock
 */
public record ValidationLimits(Duration futureSkew, Duration horizon, Clock clock) {

    public static final double MAX_SPEED_MBPS = 100_000;
    public static final double MAX_DELAY_MS = 60_000;
    public static final double MAX_PERCENT = 100;
    public static final double MAX_LATITUDE = 90;
    public static final double MAX_LONGITUDE = 180;
    public static final int MAX_OPERATOR_LENGTH = 100;
    public static final int MAX_SERVER_LENGTH = 200;
    public static final int MAX_NOTE_LENGTH = 1000;
    public static final int MAX_TDP_CODE_LENGTH = 32;

    public static final Duration DEFAULT_FUTURE_SKEW = Duration.ofMinutes(5);
    public static final Duration DEFAULT_HORIZON = Duration.ofDays(30);

    public ValidationLimits {
        Objects.requireNonNull(futureSkew, "futureSkew");
        Objects.requireNonNull(horizon, "horizon");
        Objects.requireNonNull(clock, "clock");
        if (futureSkew.isNegative() || horizon.isNegative()) {
            throw new IllegalArgumentException("futureSkew and horizon must not be negative");
        }
    }

    /** Five minutes of skew, thirty days of horizon, the UTC system clock. */
    public static ValidationLimits defaults() {
        return new ValidationLimits(DEFAULT_FUTURE_SKEW, DEFAULT_HORIZON, Clock.systemUTC());
    }

    /**
     * Limits from settings {@code validation.future-skew} and {@code validation.horizon} (env
     * {@code SPEEDWATCH_VALIDATION_FUTURE_SKEW}, {@code SPEEDWATCH_VALIDATION_HORIZON}).
     */
    public static ValidationLimits from(Settings settings) {
        return new ValidationLimits(
                settings.duration("validation.future-skew", DEFAULT_FUTURE_SKEW),
                settings.duration("validation.horizon", DEFAULT_HORIZON),
                Clock.systemUTC());
    }

    /** The same limits read against another clock. */
    public ValidationLimits withClock(Clock other) {
        return new ValidationLimits(futureSkew, horizon, other);
    }
}
