package vn.speedwatch.model;

import java.util.List;

/**
 * The outcome of parsing one submitted measurement: either the {@link Measurement} or every {@link
 * Violation} found, never both and never neither.
 */
public record ParseResult(Measurement measurement, List<Violation> violations) {

    public ParseResult {
        violations = List.copyOf(violations);
        if ((measurement == null) == violations.isEmpty()) {
            throw new IllegalArgumentException("need a measurement or violations, not both");
        }
    }

    public static ParseResult valid(Measurement measurement) {
        return new ParseResult(measurement, List.of());
    }

    public static ParseResult invalid(List<Violation> violations) {
        return new ParseResult(null, violations);
    }

    public boolean isValid() {
        return measurement != null;
    }

    /** This result as item {@code index} of a batch: violation pointers gain {@code /index}. */
    public ParseResult atIndex(int index) {
        return isValid() ? this : invalid(Violation.atIndex(index, violations));
    }
}
