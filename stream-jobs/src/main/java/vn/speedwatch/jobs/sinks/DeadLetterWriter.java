package vn.speedwatch.jobs.sinks;

import vn.speedwatch.jobs.records.DeadLetter;
import vn.speedwatch.warehouse.DeadLetterRepository;

import java.util.List;

import javax.sql.DataSource;

/**
 * Inserts dead letters. The table has no natural key, so a replay after a failure may store a dead
 * letter twice; that only repeats a diagnosis, never data.
 */
public class DeadLetterWriter implements BatchWriter<DeadLetter> {

    private static final long serialVersionUID = 1L;

    @Override
    public void write(DataSource ds, List<DeadLetter> batch) {
        new DeadLetterRepository(ds).insert(batch.stream().map(Rows::deadLetter).toList());
    }
}
