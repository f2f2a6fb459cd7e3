package vn.speedwatch.console.browser;

import com.datadoghq.sketch.ddsketch.DDSketch;
import java.time.Instant;
import javax.sql.DataSource;
import vn.speedwatch.model.QualitySketch;
import vn.speedwatch.warehouse.AggregateRepository;
import vn.speedwatch.warehouse.QualityAggregateRow;

/** Writes day aggregates as the stream job would, with real sketches. */
final class Aggregates {

    private final AggregateRepository repo;

    Aggregates(DataSource ds) {
        this.repo = new AggregateRepository(ds);
    }

    /** A day of {@code samples} tests at {@code mbps} from {@code devices} devices. */
    void day(
            Instant day,
            String tdp,
            String operator,
            String access,
            int samples,
            int devices,
            double mbps,
            int belowQcvn) {
        DDSketch sketch = QualitySketch.create();
        for (int i = 0; i < samples; i++) {
            QualitySketch.add(sketch, mbps);
        }
        byte[] bytes = QualitySketch.toBytes(sketch);
        repo.upsert(
                java.util.List.of(
                        new QualityAggregateRow(
                                "day",
                                day,
                                tdp,
                                operator,
                                access,
                                samples,
                                devices,
                                mbps,
                                mbps,
                                mbps,
                                mbps,
                                mbps,
                                mbps,
                                mbps,
                                mbps,
                                12.0,
                                12.0,
                                12.0,
                                12.0,
                                samples,
                                belowQcvn,
                                (double) belowQcvn / samples,
                                bytes,
                                bytes,
                                bytes)));
    }
}
