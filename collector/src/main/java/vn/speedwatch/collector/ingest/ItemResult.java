package vn.speedwatch.collector.ingest;

import java.util.List;
import java.util.UUID;
import vn.speedwatch.model.Measurement;
import vn.speedwatch.model.Violation;

/**
 * What became of one item of a request: a valid measurement (with its receipt once published) or
 * the violations that refused it. Pointers in {@code violations} are relative to the whole body.
 */
public record ItemResult(
        int index, Measurement measurement, String receipt, List<Violation> violations) {

    public ItemResult {
        violations = List.copyOf(violations);
    }

    static ItemResult valid(int index, Measurement m) {
        return new ItemResult(index, m, null, List.of());
    }

    static ItemResult rejected(int index, List<Violation> violations) {
        return new ItemResult(index, null, null, violations);
    }

    ItemResult withReceipt(String receipt) {
        return new ItemResult(index, measurement, receipt, violations);
    }

    public boolean accepted() {
        return measurement != null;
    }

    public UUID id() {
        return measurement == null ? null : measurement.id();
    }
}
