package vn.speedwatch.jobs.sinks;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import vn.speedwatch.jobs.records.QualityAggregate;
import vn.speedwatch.warehouse.AggregateRepository;
import vn.speedwatch.warehouse.QualityAggregateRow;

/**
 * Upserts aggregate rows; a cell whose every sample was erased (count 0) is deleted instead. Only
 * the last firing of each cell in a batch is written: earlier ones are already out of date.
 */
public class AggregateWriter implements BatchWriter<QualityAggregate> {

    private static final long serialVersionUID = 1L;

    @Override
    public void write(DataSource ds, List<QualityAggregate> batch) {
        Map<String, QualityAggregate> latest = new LinkedHashMap<>();
        for (QualityAggregate q : batch) {
            latest.put(
                    q.resolution
                            + '|'
                            + q.tdpCode
                            + '|'
                            + q.operator
                            + '|'
                            + q.accessType
                            + '|'
                            + q.bucketStartMillis,
                    q);
        }
        AggregateRepository repository = new AggregateRepository(ds);
        List<QualityAggregateRow> upserts = new ArrayList<>();
        for (QualityAggregate q : latest.values()) {
            if (q.sampleCount > 0) {
                upserts.add(Rows.aggregate(q));
            } else {
                repository.delete(
                        q.resolution,
                        q.tdpCode,
                        q.operator,
                        q.accessType,
                        Instant.ofEpochMilli(q.bucketStartMillis));
            }
        }
        if (!upserts.isEmpty()) {
            repository.upsert(upserts);
        }
    }
}
