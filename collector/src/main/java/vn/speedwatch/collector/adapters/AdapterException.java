package vn.speedwatch.collector.adapters;

import java.util.List;
import java.util.stream.Collectors;
import vn.speedwatch.model.Violation;

/**
 * A third-party result could not be mapped to the contract. Carries every violation found, with
 * pointers into the posted document, so the collector can answer 400 with all of them at once.
 */
public final class AdapterException extends RuntimeException {

    private final List<Violation> violations;

    public AdapterException(List<Violation> violations) {
        super(describe(violations));
        if (violations.isEmpty()) {
            throw new IllegalArgumentException("an AdapterException needs at least one violation");
        }
        this.violations = List.copyOf(violations);
    }

    /** Every violation found, in the order the document was read. */
    public List<Violation> violations() {
        return violations;
    }

    private static String describe(List<Violation> violations) {
        return violations.stream().map(Violation::describe).collect(Collectors.joining("; "));
    }
}
