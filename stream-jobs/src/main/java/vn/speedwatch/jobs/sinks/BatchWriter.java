package vn.speedwatch.jobs.sinks;

import java.io.Serializable;
import java.util.List;
import javax.sql.DataSource;

/** Writes one batch idempotently (upserts), so at-least-once replays change nothing. */
@FunctionalInterface
public interface BatchWriter<T> extends Serializable {
    void write(DataSource ds, List<T> batch) throws Exception;
}
