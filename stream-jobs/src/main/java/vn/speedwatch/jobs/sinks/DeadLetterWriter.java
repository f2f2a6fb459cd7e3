package vn.speedwatch.jobs.sinks;

import java.util.List;
import javax.sql.DataSource;
import vn.speedwatch.jobs.records.DeadLetter;
import vn.speedwatch.warehouse.DeadLetterRepository;

/**
 * Inserts dead letters once each: a replay after a restart from a checkpoint decodes the same bad
 * records again, and the warehouse skips a dead letter whose {@link
 * vn.speedwatch.jobs.functions.RecordRef record reference} it already holds.
 */
public class DeadLetterWriter implements BatchWriter<DeadLetter> {

    private static final long serialVersionUID = 1L;

    @Override
    public void write(DataSource ds, List<DeadLetter> batch) {
        new DeadLetterRepository(ds).insert(batch.stream().map(Rows::deadLetter).toList());
    }
}
