package vn.speedwatch.collector.ingest;

import java.util.List;
import vn.speedwatch.model.Violation;

/**
 * A request body that cannot be taken at all, with the HTTP status and violations to answer with.
 * Thrown by {@link BodyReader} and turned into a problem document by the HTTP layer.
 */
public final class BodyError extends RuntimeException {

    private final int status;
    private final String reason;
    private final transient List<Violation> violations;

    private BodyError(int status, String reason, Violation violation) {
        super(violation.messageEn(), null, false, false);
        this.status = status;
        this.reason = reason;
        this.violations = List.of(violation);
    }

    static BodyError malformed(String vi, String en) {
        return new BodyError(400, "malformed", new Violation("", vi, en));
    }

    static BodyError invalid(String vi, String en) {
        return new BodyError(422, "invalid", new Violation("", vi, en));
    }

    static BodyError tooLarge(String vi, String en) {
        return new BodyError(413, "too_large", new Violation("", vi, en));
    }

    public int status() {
        return status;
    }

    /** The metric reason tag: malformed, invalid or too_large. */
    public String reason() {
        return reason;
    }

    public List<Violation> violations() {
        return violations;
    }
}
