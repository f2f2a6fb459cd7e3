package vn.speedwatch.model;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The value rules of the contract, checked on a {@link Measurement}: both the parser (after it has
 * read the JSON types) and the pipeline (re-validating events) come through here, so each rule
 * exists once.
 */
final class MeasurementRules {

    private final ValidationLimits limits;

    MeasurementRules(ValidationLimits limits) {
        this.limits = limits;
    }

    List<Violation> check(Measurement m) {
        List<Violation> found = new ArrayList<>();
        for (MeasurementField f : MeasurementField.values()) {
            checkField(f, f.valueIn(m), found);
        }
        checkTime(m.measuredAt(), found);
        checkLocation(m, found);
        return found;
    }

    private void checkField(MeasurementField f, Object value, List<Violation> found) {
        if (value == null) {
            if (f.required()) {
                found.add(Violations.missing(f));
            }
        } else if (value instanceof Double d) {
            checkNumber(f, d, found);
        } else if (value instanceof String s) {
            checkText(f, s, found);
        } else if (f == MeasurementField.IP_VERSION) {
            int v = (Integer) value;
            if (v != 4 && v != 6) {
                found.add(Violations.badIpVersion());
            }
        }
    }

    private static void checkNumber(MeasurementField f, double d, List<Violation> found) {
        if (!Double.isFinite(d)) {
            found.add(Violations.notFinite(f));
        } else if (d < f.minimum() || (f.maximum() != null && d > f.maximum())) {
            found.add(Violations.outOfRange(f));
        }
    }

    private static void checkText(MeasurementField f, String s, List<Violation> found) {
        if (s.codePointCount(0, s.length()) > f.maxLength()) {
            found.add(Violations.tooLong(f));
        } else if (f == MeasurementField.TDP_CODE && s.isBlank()) {
            found.add(Violations.blank(f));
        }
    }

    private void checkTime(OffsetDateTime measuredAt, List<Violation> found) {
        if (measuredAt == null) {
            return;
        }
        Instant at = measuredAt.toInstant();
        Instant now = limits.clock().instant();
        if (at.isAfter(now.plus(limits.futureSkew()))) {
            found.add(Violations.inFuture(limits.futureSkew()));
        } else if (at.isBefore(now.minus(limits.horizon()))) {
            found.add(Violations.tooOld(limits.horizon()));
        }
    }

    private static void checkLocation(Measurement m, List<Violation> found) {
        boolean lat = m.latitude() != null;
        boolean lon = m.longitude() != null;
        if (lat && !lon) {
            found.add(Violations.coordinateAlone(MeasurementField.LONGITUDE));
        } else if (lon && !lat) {
            found.add(Violations.coordinateAlone(MeasurementField.LATITUDE));
        }
        // Precise position is personal data: it is only kept with the person's explicit consent.
        if ((lat || lon) && !Boolean.TRUE.equals(m.consent())) {
            found.add(Violations.consentRequired());
        }
    }
}
