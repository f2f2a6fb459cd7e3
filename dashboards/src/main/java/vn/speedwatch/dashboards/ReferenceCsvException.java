package vn.speedwatch.dashboards;

import java.util.List;

/**
 * A reference-median CSV that cannot be imported, with every problem found, one line-numbered
 * message each (Vietnamese first, then English), so an official can fix the file in one pass.
 */
public final class ReferenceCsvException extends Exception {

    private static final long serialVersionUID = 1L;

    private final List<String> errors;

    public ReferenceCsvException(List<String> errors) {
        super(String.join("\n", errors));
        this.errors = List.copyOf(errors);
    }

    /** One message per problem, e.g. "Dòng 4: … / Line 4: …". */
    public List<String> errors() {
        return errors;
    }
}
