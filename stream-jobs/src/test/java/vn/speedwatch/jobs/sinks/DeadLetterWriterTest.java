package vn.speedwatch.jobs.sinks;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.speedwatch.jobs.testing.Fixtures.MONDAY_MORNING;
import static vn.speedwatch.jobs.testing.Fixtures.malformed;
import static vn.speedwatch.jobs.testing.Fixtures.measurement;
import static vn.speedwatch.jobs.testing.Fixtures.record;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.speedwatch.jobs.functions.EventDecoder;
import vn.speedwatch.jobs.records.DeadLetter;
import vn.speedwatch.jobs.records.RawEvent;
import vn.speedwatch.model.Operator;
import vn.speedwatch.model.ValidationLimits;
import vn.speedwatch.warehouse.testing.PostgresDatabase;

/** Dead letters are written once per record, however often a replay decodes the record again. */
class DeadLetterWriterTest {

    @RegisterExtension static final PostgresDatabase DB = new PostgresDatabase();

    static final long FIRST_RUN = MONDAY_MORNING.plus(Duration.ofDays(1)).toEpochMilli();
    static final long AFTER_RESTART = FIRST_RUN + Duration.ofMinutes(5).toMillis();

    final EventDecoder decoder = new EventDecoder(ValidationLimits.defaults());
    final DeadLetterWriter writer = new DeadLetterWriter();

    @Test
    void theSameInvalidRecordReplayedAfterARestartIsOneDeadLetter() throws Exception {
        RawEvent fromKafka = new RawEvent("k-1", "{\"type\":", "kafka:measurements/0/17");
        RawEvent invalid = record(measurement(Operator.VNPT, "TDP-01", -3.0, MONDAY_MORNING));
        RawEvent positionless = malformed("not json");

        writer.write(DB.dataSource(), decode(FIRST_RUN, fromKafka, invalid, positionless));
        writer.write(DB.dataSource(), decode(AFTER_RESTART, fromKafka, invalid, positionless));

        assertThat(column("SELECT record_ref FROM dead_letters ORDER BY record_ref"))
                .hasSize(3)
                .contains("kafka:measurements/0/17")
                .doesNotHaveDuplicates();
        assertThat(column("SELECT DISTINCT received_at::text FROM dead_letters"))
                .as("the first copy is kept")
                .hasSize(1);
    }

    private List<DeadLetter> decode(long at, RawEvent... records) {
        return Arrays.stream(records).map(r -> decoder.decode(r, at).deadLetter()).toList();
    }

    private static List<String> column(String sql) throws Exception {
        try (Connection c = DB.dataSource().getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            List<String> out = new ArrayList<>();
            while (rs.next()) {
                out.add(rs.getString(1));
            }
            return out;
        }
    }
}
