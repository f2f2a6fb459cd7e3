package vn.speedwatch.reports;

import vn.speedwatch.model.Operator;

/** Told as each operator's report starts and ends, so a CLI or web page can show progress. */
public interface ProgressListener {

    ProgressListener NONE = new ProgressListener() {};

    /** Operator {@code index} (1-based) of {@code total} is being prepared. */
    default void started(Operator operator, int index, int total) {}

    /** Operator {@code index} of {@code total} is written and archived. */
    default void finished(GeneratedReport report, int index, int total) {}
}
