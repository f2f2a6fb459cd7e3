package vn.speedwatch.jobs.sinks;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.speedwatch.jobs.records.HeatmapCell;
import vn.speedwatch.warehouse.HeatmapCellRow;
import vn.speedwatch.warehouse.HeatmapRepository;
import vn.speedwatch.warehouse.testing.PostgresDatabase;

class HeatmapWriterTest {

    @RegisterExtension static PostgresDatabase db = new PostgresDatabase();

    /** Midnight of 1 March 2026 in Thủy Nguyên. */
    private static final Instant FIRST_OF_MARCH = Instant.parse("2026-02-28T17:00:00Z");

    private static final String NEAR_THE_FERRY = "13223011230312301";
    private static final String BY_THE_MARKET = "13223011230312302";

    private final HeatmapWriter writer = new HeatmapWriter();

    @BeforeEach
    void emptyTable() throws Exception {
        try (Connection c = db.dataSource().getConnection();
                Statement st = c.createStatement()) {
            st.execute("TRUNCATE heatmap_cells");
        }
    }

    @Test
    void writesCellsAndAReplayChangesNothing() throws Exception {
        List<HeatmapCell> batch =
                List.of(cell(NEAR_THE_FERRY, 5, 82.5), cell(BY_THE_MARKET, 9, 41.0));

        writer.write(db.dataSource(), batch);
        writer.write(db.dataSource(), batch);

        List<HeatmapCellRow> rows = storedDay();
        assertThat(rows).hasSize(2);
        HeatmapCellRow ferry = rows.get(0);
        assertThat(ferry.quadkey()).isEqualTo(NEAR_THE_FERRY);
        assertThat(ferry.operator()).isEqualTo("VIETTEL");
        assertThat(ferry.accessType()).isEqualTo("FIXED_FIBER");
        assertThat(ferry.day()).isEqualTo(FIRST_OF_MARCH);
        assertThat(ferry.deviceCount()).isEqualTo(5);
        assertThat(ferry.sampleCount()).isEqualTo(12);
        assertThat(ferry.downloadMedian()).isEqualTo(82.5);
        assertThat(ferry.downloadP10()).isEqualTo(20.0);
        assertThat(ferry.uploadMedian()).isEqualTo(40.0);
        assertThat(ferry.latencyMedian()).isEqualTo(12.0);
        assertThat(ferry.belowQcvnShare()).isEqualTo(0.25);
        assertThat(ferry.centerLat()).isEqualTo(20.93);
    }

    @Test
    void aLaterFiringOfTheSameDayReplacesTheCell() throws Exception {
        writer.write(db.dataSource(), List.of(cell(NEAR_THE_FERRY, 5, 82.5)));
        writer.write(db.dataSource(), List.of(cell(NEAR_THE_FERRY, 6, 75.0)));

        assertThat(storedDay())
                .singleElement()
                .satisfies(
                        row -> {
                            assertThat(row.deviceCount()).isEqualTo(6);
                            assertThat(row.downloadMedian()).isEqualTo(75.0);
                        });
    }

    @Test
    void aWithdrawnCellIsDeletedAndAReplayChangesNothing() throws Exception {
        writer.write(
                db.dataSource(),
                List.of(cell(NEAR_THE_FERRY, 5, 82.5), cell(BY_THE_MARKET, 9, 41.0)));
        HeatmapCell belowK = cell(NEAR_THE_FERRY, 4, 80.0);
        belowK.withdrawn = true;

        writer.write(db.dataSource(), List.of(belowK));
        writer.write(db.dataSource(), List.of(belowK));

        assertThat(storedDay()).extracting(HeatmapCellRow::quadkey).containsExactly(BY_THE_MARKET);
    }

    @Test
    void onlyTheLastVersionOfACellInABatchCounts() throws Exception {
        HeatmapCell belowK = cell(NEAR_THE_FERRY, 4, 80.0);
        belowK.withdrawn = true;

        writer.write(
                db.dataSource(),
                List.of(cell(NEAR_THE_FERRY, 5, 82.5), belowK, cell(NEAR_THE_FERRY, 5, 81.0)));

        assertThat(storedDay())
                .singleElement()
                .satisfies(row -> assertThat(row.downloadMedian()).isEqualTo(81.0));
    }

    @Test
    void aCellTheTableWouldRefuseIsSkippedAndTheOthersWritten() throws Exception {
        HeatmapCell broken = cell("not-a-quadkey", 5, 82.5);

        writer.write(db.dataSource(), List.of(broken, cell(BY_THE_MARKET, 9, 41.0)));

        assertThat(storedDay()).extracting(HeatmapCellRow::quadkey).containsExactly(BY_THE_MARKET);
    }

    private static List<HeatmapCellRow> storedDay() {
        return new HeatmapRepository(db.dataSource()).findDay(FIRST_OF_MARCH);
    }

    private static HeatmapCell cell(String quadkey, int devices, double downloadMedian) {
        HeatmapCell c = new HeatmapCell();
        c.dayStartMillis = FIRST_OF_MARCH.toEpochMilli();
        c.quadkey = quadkey;
        c.operator = "VIETTEL";
        c.accessType = "FIXED_FIBER";
        c.centerLat = 20.93;
        c.centerLon = 106.66;
        c.sampleCount = 12;
        c.deviceCount = devices;
        c.downloadMedian = downloadMedian;
        c.downloadP10 = 20.0;
        c.uploadMedian = 40.0;
        c.latencyMedian = 12.0;
        c.belowQcvnShare = 0.25;
        return c;
    }
}
