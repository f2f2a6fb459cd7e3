package vn.speedwatch.jobs.sinks;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.speedwatch.jobs.records.EnrichedMeasurement;
import vn.speedwatch.jobs.records.RawChange;
import vn.speedwatch.warehouse.MeasurementRepository;
import vn.speedwatch.warehouse.RawMeasurementRow;
import vn.speedwatch.warehouse.testing.PostgresDatabase;

/**
 * One batch of raw changes must leave the table as applying the changes one by one would: the
 * writer sends each run of upserts as one statement, so duplicates inside a run and erasures
 * between runs are the cases that could go wrong.
 */
class RawChangeWriterTest {

    @RegisterExtension static PostgresDatabase db = new PostgresDatabase();

    private static final Instant MONDAY_MORNING = Instant.parse("2026-11-02T01:00:00Z");
    private static final Instant ONE_HOUR_LATER = MONDAY_MORNING.plusSeconds(3_600);

    private final RawChangeWriter writer = new RawChangeWriter(10);
    private MeasurementRepository raw;

    @BeforeEach
    void emptyTables() throws Exception {
        try (Connection c = db.dataSource().getConnection();
                Statement st = c.createStatement()) {
            st.execute("TRUNCATE measurements_raw, erasures");
        }
        raw = new MeasurementRepository(db.dataSource());
    }

    @Test
    void aMeasurementCorrectedWithinOneBatchIsStoredOnceWithItsLastValues() throws Exception {
        UUID ferry = UUID.randomUUID();
        UUID market = UUID.randomUUID();

        writer.write(
                db.dataSource(),
                List.of(
                        upsert(ferry, MONDAY_MORNING, 85.0),
                        upsert(market, MONDAY_MORNING, 40.0),
                        upsert(ferry, MONDAY_MORNING, 58.0)));

        assertThat(storedRows()).isEqualTo(2);
        assertThat(raw.find(ferry))
                .get()
                .extracting(RawMeasurementRow::downloadMbps)
                .isEqualTo(58.0);
        assertThat(raw.find(market))
                .get()
                .extracting(RawMeasurementRow::downloadMbps)
                .isEqualTo(40.0);
    }

    @Test
    void aMeasurementRepostedAtAnotherTimeWithinOneBatchKeepsItsFirstTime() throws Exception {
        UUID ferry = UUID.randomUUID();

        writer.write(
                db.dataSource(),
                List.of(upsert(ferry, MONDAY_MORNING, 85.0), upsert(ferry, ONE_HOUR_LATER, 10.0)));

        assertThat(storedRows()).isEqualTo(1);
        assertThat(raw.find(ferry))
                .get()
                .extracting(RawMeasurementRow::measuredAt)
                .isEqualTo(MONDAY_MORNING);
    }

    @Test
    void anErasureInTheMiddleOfABatchRemovesWhatCameBeforeAndBlocksWhatComesAfter()
            throws Exception {
        UUID erased = UUID.randomUUID();
        UUID before = UUID.randomUUID();
        UUID after = UUID.randomUUID();

        writer.write(
                db.dataSource(),
                List.of(
                        upsert(erased, MONDAY_MORNING, 85.0),
                        upsert(before, MONDAY_MORNING, 40.0),
                        upsert(erased, MONDAY_MORNING, 58.0),
                        erase(erased),
                        upsert(erased, MONDAY_MORNING, 85.0),
                        upsert(after, ONE_HOUR_LATER, 30.0)));

        assertThat(raw.find(erased)).isEmpty();
        assertThat(raw.isErased(erased)).isTrue();
        assertThat(raw.find(before)).isPresent();
        assertThat(raw.find(after)).isPresent();
        assertThat(storedRows()).isEqualTo(2);
    }

    private static RawChange upsert(UUID id, Instant at, double downloadMbps) {
        return RawChange.upsert(measurement(id, at, downloadMbps), 20.93, 106.68, 12.0);
    }

    /** An erasure whose cells the job's windows still hold: no recomputation from raw rows. */
    private static RawChange erase(UUID id) {
        EnrichedMeasurement onlyTheId = new EnrichedMeasurement();
        onlyTheId.id = id.toString();
        return RawChange.erase(onlyTheId, ONE_HOUR_LATER.toEpochMilli(), false);
    }

    private static EnrichedMeasurement measurement(UUID id, Instant at, double downloadMbps) {
        EnrichedMeasurement m = new EnrichedMeasurement();
        m.id = id.toString();
        m.measuredAtMillis = at.toEpochMilli();
        m.receivedAtMillis = at.toEpochMilli() + 2_000;
        m.downloadMbps = downloadMbps;
        m.uploadMbps = downloadMbps / 3;
        m.latencyMs = 12;
        m.operator = "VIETTEL";
        m.accessType = "FIXED_FIBER";
        m.tdpCode = "TDP-07";
        m.ipVersion = 4;
        m.qcvnPass = downloadMbps >= 40;
        return m;
    }

    private static long storedRows() throws Exception {
        try (Connection c = db.dataSource().getConnection();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT count(*) FROM measurements_raw")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
