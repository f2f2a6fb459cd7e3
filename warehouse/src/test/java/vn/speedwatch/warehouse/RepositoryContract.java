package vn.speedwatch.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.speedwatch.warehouse.Rows.FIBER;
import static vn.speedwatch.warehouse.Rows.LAST_YEAR;
import static vn.speedwatch.warehouse.Rows.MORNING;
import static vn.speedwatch.warehouse.Rows.NEXT_DAY;
import static vn.speedwatch.warehouse.Rows.ONE_HOUR_LATER;
import static vn.speedwatch.warehouse.Rows.TDP_07;
import static vn.speedwatch.warehouse.Rows.TDP_12;
import static vn.speedwatch.warehouse.Rows.VIETTEL;
import static vn.speedwatch.warehouse.Rows.VNPT;
import static vn.speedwatch.warehouse.Rows.measurement;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.speedwatch.warehouse.testing.TestDatabase;

/**
 * The raw-measurement repository and the retention job, run the same way against plain PostgreSQL
 * and TimescaleDB (one subclass per server). Tables are emptied before each test.
 */
abstract class RepositoryContract {

    abstract TestDatabase db();

    DataSource ds() {
        return db().dataSource();
    }

    /** The repository under test; PostgreSQL also runs the suite with the upsert from arrays. */
    MeasurementRepository repository() {
        return new MeasurementRepository(ds());
    }

    MeasurementRepository measurements;

    @BeforeEach
    void emptyTables() throws SQLException {
        Db.ensureMigrated(db());
        Db.truncateAll(ds());
        measurements = repository();
    }

    @Test
    void storesEveryColumnOfAMeasurement() {
        RawMeasurementRow full = measurement(VIETTEL, TDP_07, 85.5, MORNING);
        RawMeasurementRow bare = Rows.bare(VNPT, TDP_07, 12.0, MORNING);

        assertThat(measurements.upsert(List.of(full, bare))).isEqualTo(2);

        assertThat(measurements.find(full.id())).contains(full);
        assertThat(measurements.find(bare.id())).contains(bare);
        assertThat(measurements.find(UUID.randomUUID())).isEmpty();
    }

    @Test
    void upsertingTheSameRowsTwiceLeavesTheSameTable() throws SQLException {
        List<RawMeasurementRow> rows =
                List.of(
                        measurement(VIETTEL, TDP_07, 85, MORNING),
                        measurement(VIETTEL, TDP_07, 95, ONE_HOUR_LATER),
                        measurement(VNPT, TDP_12, 40, MORNING));
        measurements.upsert(rows);
        List<RawMeasurementRow> first =
                measurements.findCell(TDP_07, VIETTEL, FIBER, MORNING, NEXT_DAY);

        assertThat(measurements.upsert(rows)).isEqualTo(3);

        assertThat(Db.count(ds(), "SELECT count(*) FROM measurements_raw")).isEqualTo(3);
        assertThat(measurements.findCell(TDP_07, VIETTEL, FIBER, MORNING, NEXT_DAY))
                .isEqualTo(first);
    }

    @Test
    void upsertReplacesACorrectedMeasurement() {
        RawMeasurementRow row = measurement(VIETTEL, TDP_07, 85, MORNING);
        measurements.upsert(List.of(row));

        measurements.upsert(List.of(Rows.withDownload(row, 58)));

        assertThat(measurements.find(row.id()))
                .get()
                .extracting(RawMeasurementRow::downloadMbps)
                .isEqualTo(58.0);
    }

    @Test
    void aBatchOfNewAndStoredIdsStoresTheNewOnesAndCorrectsTheStoredOnes() throws SQLException {
        RawMeasurementRow stored = measurement(VIETTEL, TDP_07, 85, MORNING);
        RawMeasurementRow erased = measurement(VNPT, TDP_12, 20, MORNING);
        measurements.upsert(List.of(stored, erased));
        measurements.erase(erased.id(), ONE_HOUR_LATER);
        RawMeasurementRow fresh = measurement(VNPT, TDP_12, 40, ONE_HOUR_LATER);

        assertThat(measurements.upsert(List.of(fresh, Rows.withDownload(stored, 58), erased)))
                .isEqualTo(2);

        assertThat(Db.count(ds(), "SELECT count(*) FROM measurements_raw")).isEqualTo(2);
        assertThat(measurements.find(fresh.id())).contains(fresh);
        assertThat(measurements.find(stored.id())).contains(Rows.withDownload(stored, 58));
        assertThat(measurements.find(erased.id())).isEmpty();
    }

    @Test
    void anIdAlreadyStoredAtAnotherTimeIsNotStoredTwice() throws SQLException {
        RawMeasurementRow row = measurement(VIETTEL, TDP_07, 85, MORNING);
        RawMeasurementRow sameIdLater = atAnotherTime(row, ONE_HOUR_LATER, 10);
        measurements.upsert(List.of(row));

        assertThat(measurements.upsert(List.of(sameIdLater))).isZero();

        assertThat(Db.count(ds(), "SELECT count(*) FROM measurements_raw")).isEqualTo(1);
        assertThat(measurements.find(row.id())).contains(row);
    }

    @Test
    void anIdTwiceInOneBatchKeepsItsLastCorrection() throws SQLException {
        RawMeasurementRow row = measurement(VIETTEL, TDP_07, 85, MORNING);
        RawMeasurementRow other = measurement(VNPT, TDP_12, 40, MORNING);

        assertThat(measurements.upsert(List.of(row, other, Rows.withDownload(row, 58))))
                .isEqualTo(2);

        assertThat(Db.count(ds(), "SELECT count(*) FROM measurements_raw")).isEqualTo(2);
        assertThat(measurements.find(row.id())).contains(Rows.withDownload(row, 58));
        assertThat(measurements.find(other.id())).contains(other);
    }

    @Test
    void anIdAtTwoTimesInOneBatchIsStoredAtTheTimeSeenFirstOrAlreadyStored() {
        RawMeasurementRow first = measurement(VIETTEL, TDP_07, 85, MORNING);
        RawMeasurementRow later = atAnotherTime(first, ONE_HOUR_LATER, 10);
        RawMeasurementRow firstCorrected = Rows.withDownload(first, 58);

        measurements.upsert(List.of(first, later, firstCorrected));
        assertThat(measurements.find(first.id())).contains(firstCorrected);

        // Already stored at MORNING: a batch naming the later time first still updates MORNING.
        measurements.upsert(List.of(later, first));
        assertThat(measurements.find(first.id())).contains(first);
    }

    private static RawMeasurementRow atAnotherTime(
            RawMeasurementRow r, Instant at, double downloadMbps) {
        return new RawMeasurementRow(
                r.id(),
                at,
                at,
                downloadMbps,
                5,
                99,
                null,
                null,
                null,
                VNPT,
                null,
                FIBER,
                null,
                null,
                TDP_12,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
    }

    @Test
    void findCellReturnsOnlyThatCellWithinTheHalfOpenRange() {
        RawMeasurementRow early = measurement(VIETTEL, TDP_07, 80, MORNING);
        RawMeasurementRow late = measurement(VIETTEL, TDP_07, 90, ONE_HOUR_LATER);
        measurements.upsert(
                List.of(
                        early,
                        late,
                        measurement(VIETTEL, TDP_07, 70, NEXT_DAY),
                        measurement(VNPT, TDP_07, 60, MORNING),
                        measurement(VIETTEL, TDP_12, 50, MORNING),
                        Rows.bare(VIETTEL, TDP_07, 40, MORNING)));

        assertThat(measurements.findCell(TDP_07, VIETTEL, FIBER, MORNING, NEXT_DAY))
                .containsExactly(early, late);
        assertThat(measurements.findCell(TDP_07, VIETTEL, FIBER, MORNING, ONE_HOUR_LATER))
                .containsExactly(early);
    }

    @Test
    void erasingDeletesTheRowAndKeepsReplaysOut() {
        RawMeasurementRow row = measurement(VIETTEL, TDP_07, 85, MORNING);
        measurements.upsert(List.of(row));

        assertThat(measurements.erase(row.id(), NEXT_DAY)).isTrue();

        assertThat(measurements.find(row.id())).isEmpty();
        assertThat(measurements.isErased(row.id())).isTrue();
        assertThat(measurements.upsert(List.of(row))).isZero();
        assertThat(measurements.find(row.id())).isEmpty();
        assertThat(measurements.erase(row.id(), NEXT_DAY)).isFalse();
    }

    @Test
    void erasingAMeasurementNotYetStoredStillBlocksItsLateArrival() {
        RawMeasurementRow late = measurement(VNPT, TDP_12, 30, MORNING);

        assertThat(measurements.erase(late.id(), MORNING)).isFalse();

        assertThat(measurements.isErased(late.id())).isTrue();
        assertThat(measurements.upsert(List.of(late, measurement(VNPT, TDP_12, 31, MORNING))))
                .isEqualTo(1);
        assertThat(measurements.find(late.id())).isEmpty();
        assertThat(measurements.isErased(UUID.randomUUID())).isFalse();
    }

    @Test
    void forgettingCoordinatesKeepsEverythingElse() {
        RawMeasurementRow old = measurement(VIETTEL, TDP_07, 85, MORNING);
        RawMeasurementRow recent = measurement(VIETTEL, TDP_07, 95, NEXT_DAY);
        measurements.upsert(List.of(old, recent));

        assertThat(measurements.forgetCoordinatesBefore(ONE_HOUR_LATER)).isEqualTo(1);

        assertThat(measurements.find(old.id())).contains(old.withoutCoordinates());
        assertThat(measurements.find(recent.id())).contains(recent);
        assertThat(measurements.forgetCoordinatesBefore(ONE_HOUR_LATER)).isZero();
    }

    @Test
    void deletingBeforeACutoffRemovesOnlyOlderRows() {
        RawMeasurementRow old = measurement(VIETTEL, TDP_07, 85, LAST_YEAR);
        RawMeasurementRow recent = measurement(VIETTEL, TDP_07, 95, MORNING);
        measurements.upsert(List.of(old, recent));

        assertThat(measurements.deleteBefore(MORNING)).isEqualTo(1);

        assertThat(measurements.find(old.id())).isEmpty();
        assertThat(measurements.find(recent.id())).contains(recent);
    }

    @Test
    void retentionForgetsCoordinatesThenDeletesOldRows() {
        RawMeasurementRow ancient = measurement(VIETTEL, TDP_07, 85, LAST_YEAR);
        RawMeasurementRow lastMonth =
                measurement(VIETTEL, TDP_07, 90, MORNING.minus(Duration.ofDays(45)));
        RawMeasurementRow today = measurement(VIETTEL, TDP_07, 95, MORNING);
        measurements.upsert(List.of(ancient, lastMonth, today));
        Retention retention =
                new Retention(
                        ds(), new Retention.Policy(Duration.ofDays(30), Duration.ofDays(400)));

        assertThat(retention.apply(ONE_HOUR_LATER)).isEqualTo(new Retention.Result(1, 1));

        assertThat(measurements.find(ancient.id())).isEmpty();
        assertThat(measurements.find(lastMonth.id())).contains(lastMonth.withoutCoordinates());
        assertThat(measurements.find(today.id())).contains(today);
        assertThat(retention.apply(ONE_HOUR_LATER)).isEqualTo(new Retention.Result(0, 0));
    }

    @Test
    void aStrayNulInANoteDoesNotLoseTheMeasurement() {
        RawMeasurementRow row =
                Rows.withNote(measurement(VIETTEL, TDP_07, 85, MORNING), "wifi yếu\u0000");

        assertThat(measurements.upsert(List.of(row))).isEqualTo(1);

        assertThat(measurements.find(row.id()))
                .get()
                .extracting(RawMeasurementRow::note)
                .isEqualTo("wifi yếu\uFFFD");
    }

    @Test
    void aRowWithoutRequiredValuesIsRefusedWithItsColumnName() {
        assertThatThrownBy(
                        () ->
                                new RawMeasurementRow(
                                        UUID.randomUUID(),
                                        MORNING,
                                        MORNING,
                                        Double.NaN,
                                        1,
                                        1,
                                        null,
                                        null,
                                        null,
                                        VIETTEL,
                                        null,
                                        FIBER,
                                        null,
                                        null,
                                        TDP_07,
                                        null,
                                        null,
                                        null,
                                        null,
                                        null,
                                        null,
                                        null,
                                        null,
                                        null,
                                        null,
                                        null,
                                        null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("measurements_raw.download_mbps must be a finite number, got NaN");
        assertThatThrownBy(() -> Rows.bare(VIETTEL, " ", 1, MORNING))
                .hasMessage("measurements_raw.tdp_code must not be blank");
        RawMeasurementRow row = measurement(VIETTEL, TDP_07, 85, MORNING);
        assertThatThrownBy(() -> Rows.withCellId(row, "c\u0000"))
                .hasMessage("measurements_raw.cell_id must not contain NUL characters");
    }
}
