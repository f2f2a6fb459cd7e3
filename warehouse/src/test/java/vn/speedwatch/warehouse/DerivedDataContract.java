package vn.speedwatch.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.withinPercentage;
import static vn.speedwatch.warehouse.Rows.FIBER;
import static vn.speedwatch.warehouse.Rows.MORNING;
import static vn.speedwatch.warehouse.Rows.NEXT_DAY;
import static vn.speedwatch.warehouse.Rows.ONE_HOUR_LATER;
import static vn.speedwatch.warehouse.Rows.TDP_07;
import static vn.speedwatch.warehouse.Rows.TDP_12;
import static vn.speedwatch.warehouse.Rows.VIETTEL;
import static vn.speedwatch.warehouse.Rows.VNPT;

import com.datadoghq.sketch.ddsketch.DDSketch;
import com.datadoghq.sketch.ddsketch.DDSketches;
import com.datadoghq.sketch.ddsketch.encoding.ByteArrayInput;
import com.datadoghq.sketch.ddsketch.encoding.GrowingByteArrayOutput;
import com.datadoghq.sketch.ddsketch.store.UnboundedSizeDenseStore;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.speedwatch.warehouse.testing.TestDatabase;

/**
 * Aggregates, heatmap cells, dead letters and areas, run the same way against plain PostgreSQL and
 * TimescaleDB (one subclass per server). Tables are emptied before each test.
 */
abstract class DerivedDataContract {

    abstract TestDatabase db();

    DataSource ds() {
        return db().dataSource();
    }

    @BeforeEach
    void emptyTables() throws SQLException {
        Db.ensureMigrated(db());
        Db.truncateAll(ds());
    }

    @Test
    void aggregatesUpsertIdempotentlyAndKeepTheirSketches() throws Exception {
        AggregateRepository aggregates = new AggregateRepository(ds());
        byte[] sketch = sketchOf(10, 20, 30, 40, 50);
        List<QualityAggregateRow> rows =
                List.of(
                        Rows.hourly(TDP_07, VIETTEL, MORNING, 5, 30, sketch),
                        Rows.hourly(TDP_07, VIETTEL, ONE_HOUR_LATER, 8, 35, null),
                        Rows.hourly(TDP_12, VNPT, MORNING, 4, 20, sketch));

        assertThat(aggregates.upsert(rows)).isEqualTo(3);
        assertThat(aggregates.upsert(rows)).isEqualTo(3);

        List<QualityAggregateRow> stored =
                aggregates.find(QualityAggregateRow.HOUR, MORNING, NEXT_DAY);
        assertThat(stored).containsExactly(rows.get(0), rows.get(2), rows.get(1));
        DDSketch decoded =
                DDSketch.decode(
                        ByteArrayInput.wrap(stored.get(0).downloadSketch()),
                        UnboundedSizeDenseStore::new);
        assertThat(decoded.getCount()).isEqualTo(5.0);
        assertThat(decoded.getValueAtQuantile(0.5))
                .isCloseTo(30.0, org.assertj.core.data.Percentage.withPercentage(1));
    }

    @Test
    void aggregateFindFiltersByResolutionAndRange() {
        AggregateRepository aggregates = new AggregateRepository(ds());
        QualityAggregateRow hour = Rows.hourly(TDP_07, VIETTEL, MORNING, 5, 30, null);
        aggregates.upsert(List.of(hour, Rows.hourly(TDP_07, VIETTEL, NEXT_DAY, 5, 30, null)));

        assertThat(aggregates.find(QualityAggregateRow.HOUR, MORNING, ONE_HOUR_LATER))
                .containsExactly(hour);
        assertThat(aggregates.find(QualityAggregateRow.DAY, MORNING, NEXT_DAY)).isEmpty();
    }

    @Test
    void aggregateDeleteRemovesOneBucket() {
        AggregateRepository aggregates = new AggregateRepository(ds());
        QualityAggregateRow kept = Rows.hourly(TDP_07, VIETTEL, ONE_HOUR_LATER, 5, 30, null);
        aggregates.upsert(List.of(Rows.hourly(TDP_07, VIETTEL, MORNING, 5, 30, null), kept));

        assertThat(aggregates.delete("hour", TDP_07, VIETTEL, FIBER, MORNING)).isEqualTo(1);
        assertThat(aggregates.delete("hour", TDP_07, VIETTEL, FIBER, MORNING)).isZero();

        assertThat(aggregates.find("hour", MORNING, NEXT_DAY)).containsExactly(kept);
    }

    @Test
    void dayAggregatesKeepTargetCountsAndDeviceSketch() {
        AggregateRepository aggregates = new AggregateRepository(ds());
        QualityAggregateRow.TargetCounts targets =
                new QualityAggregateRow.TargetCounts(10, 4, 6, 9, 3);
        byte[] devices = DeviceSketch.of(List.of("dev-a", "dev-b", "thiết-bị-ư")).toBytes();
        QualityAggregateRow day =
                withTargets(
                        Rows.hourly(TDP_07, VIETTEL, MORNING, 12, 30, null),
                        QualityAggregateRow.DAY,
                        targets,
                        devices);

        aggregates.upsert(List.of(day));

        QualityAggregateRow stored =
                aggregates.find(QualityAggregateRow.DAY, MORNING, NEXT_DAY).get(0);
        assertThat(stored).isEqualTo(day);
        assertThat(stored.targets()).isEqualTo(targets);
        assertThat(stored.deviceSketch()).isEqualTo(devices);
    }

    @Test
    void theSketchJavaWritesIsTheOneSqlBuildsFromTheSameDevices() throws SQLException {
        List<String> devices = IntStream.range(0, 700).mapToObj(i -> "dev-" + i).toList();

        String sql =
                Db.column(
                                ds(),
                                "SELECT CAST(device_sketch_of(array(SELECT 'dev-' || g "
                                        + "FROM generate_series(0, 699) AS g)) AS text)")
                        .get(0);

        assertThat(DeviceSketch.fromSqlText(sql)).isEqualTo(DeviceSketch.of(devices).toBytes());
    }

    /**
     * HyperLogLog with 1024 registers: standard error ≈ 3.3 %, so 10 % is a three-sigma bound;
     * below ≈ 2 500 devices the linear-counting correction is much closer. The hashes are
     * deterministic, so this cannot flake.
     */
    @Test
    void mergedDaySketchesEstimateDistinctDevicesWithinTenPercent() throws SQLException {
        for (int n : new int[] {1, 7, 150, 2_311, 20_000}) {
            assertThat(
                            estimate(
                                    "SELECT device_sketch_estimate(device_sketch_of(array("
                                            + "SELECT 'dev-' || g FROM generate_series(1, "
                                            + n
                                            + ") AS g)))"))
                    .as("%d devices", n)
                    .isCloseTo(n, withinPercentage(10));
        }
        // 31 days of 500 devices each, 100 new ones a day: 3 500 distinct over the month.
        String month =
                """
                SELECT device_sketch_estimate(bit_or(device_sketch_of(array(
                         SELECT 'dev-' || g FROM generate_series(d * 100, d * 100 + 499) AS g))))
                FROM generate_series(0, 30) AS d""";
        assertThat(estimate(month)).isCloseTo(3_500, withinPercentage(10));
        assertThat(estimate("SELECT device_sketch_estimate(device_sketch_of(ARRAY[]::text[]))"))
                .isZero();
    }

    private double estimate(String sql) throws SQLException {
        return Double.parseDouble(Db.column(ds(), sql).get(0));
    }

    private static QualityAggregateRow withTargets(
            QualityAggregateRow r,
            String resolution,
            QualityAggregateRow.TargetCounts targets,
            byte[] deviceSketch) {
        return new QualityAggregateRow(
                resolution,
                r.bucketStart(),
                r.tdpCode(),
                r.operator(),
                r.accessType(),
                r.sampleCount(),
                r.deviceCount(),
                r.downloadMean(),
                r.downloadMedian(),
                r.downloadP10(),
                r.downloadP90(),
                r.uploadMean(),
                r.uploadMedian(),
                r.uploadP10(),
                r.uploadP90(),
                r.latencyMean(),
                r.latencyMedian(),
                r.latencyP10(),
                r.latencyP90(),
                r.qcvnEvaluatedCount(),
                r.belowQcvnCount(),
                r.belowQcvnShare(),
                r.downloadSketch(),
                r.uploadSketch(),
                r.latencySketch(),
                targets,
                deviceSketch);
    }

    @Test
    void anAggregateWithMoreFailuresThanEvaluationsIsRefused() {
        assertThatThrownBy(
                        () ->
                                new QualityAggregateRow(
                                        "hour", MORNING, TDP_07, VIETTEL, FIBER, 5, 2, null, null,
                                        null, null, null, null, null, null, null, null, null, null,
                                        2, 3, null, null, null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "quality_aggregates.below_qcvn_count (3) exceeds "
                                + "qcvn_evaluated_count (2)");
        assertThatThrownBy(
                        () ->
                                new QualityAggregateRow(
                                        "week", MORNING, TDP_07, VIETTEL, FIBER, 5, 2, null, null,
                                        null, null, null, null, null, null, null, null, null, null,
                                        0, 0, null, null, null, null))
                .hasMessageStartingWith("quality_aggregates.resolution must be one of");
    }

    @Test
    void heatmapCellsUpsertIdempotentlyAndDeleteOneCell() {
        HeatmapRepository heatmap = new HeatmapRepository(ds());
        HeatmapCellRow a = Rows.cell("13223011", VIETTEL, MORNING, 80);
        HeatmapCellRow b = Rows.cell("13223012", VIETTEL, MORNING, 60);
        heatmap.upsert(List.of(a, b));
        HeatmapCellRow corrected = Rows.cell("13223011", VIETTEL, MORNING, 85);

        assertThat(heatmap.upsert(List.of(corrected, b))).isEqualTo(2);
        assertThat(heatmap.findDay(MORNING)).containsExactly(corrected, b);

        assertThat(heatmap.delete("13223011", VIETTEL, FIBER, MORNING)).isEqualTo(1);
        assertThat(heatmap.findDay(MORNING)).containsExactly(b);
        assertThatThrownBy(() -> Rows.cell("1322x", VIETTEL, MORNING, 1))
                .hasMessage("heatmap_cells.quadkey must contain only digits 0-3, got '1322x'");
    }

    @Test
    void deadLettersKeepBrokenPayloadsTruncated() {
        DeadLetterRepository deadLetters = new DeadLetterRepository(ds());
        String huge = "x".repeat(10_000);

        assertThat(
                        deadLetters.insert(
                                List.of(
                                        DeadLetterRow.of(
                                                "k1", "{\"id\": 1\u0000}", "NOT_JSON", null),
                                        DeadLetterRow.of(
                                                null,
                                                huge,
                                                "TOO_LARGE",
                                                "[{\"field\": \"downloadMbps\", \"message\": \"phải là số dương\"}]"))))
                .isEqualTo(2);

        List<DeadLetterRow> stored = deadLetters.findRecent(10);
        assertThat(stored)
                .extracting(DeadLetterRow::reason)
                .containsExactlyInAnyOrder("NOT_JSON", "TOO_LARGE");
        DeadLetterRow broken =
                stored.stream().filter(d -> "k1".equals(d.recordKey())).findFirst().orElseThrow();
        assertThat(broken.payload()).isEqualTo("{\"id\": 1\uFFFD}");
        assertThat(broken.receivedAt()).isNotNull();
        DeadLetterRow large =
                stored.stream().filter(d -> d.recordKey() == null).findFirst().orElseThrow();
        assertThat(large.payload()).hasSize(DeadLetterRow.MAX_PAYLOAD_CHARS);
        assertThat(large.violations()).contains("phải là số dương");
    }

    @Test
    void aReplayedDeadLetterIsStoredOnceButRecordsWithoutAReferenceAlwaysAre() {
        DeadLetterRepository deadLetters = new DeadLetterRepository(ds());
        DeadLetterRow first =
                new DeadLetterRow(
                        null,
                        MORNING,
                        "k1",
                        "{",
                        "malformed JSON",
                        null,
                        "kafka:measurements/0/42");
        DeadLetterRow replayed =
                new DeadLetterRow(
                        null,
                        ONE_HOUR_LATER,
                        "k1",
                        "{",
                        "malformed JSON",
                        null,
                        "kafka:measurements/0/42");

        assertThat(deadLetters.insert(List.of(first))).isEqualTo(1);
        assertThat(deadLetters.insert(List.of(replayed))).isZero();
        assertThat(
                        deadLetters.insert(
                                List.of(
                                        DeadLetterRow.of("k1", "{", "by hand", null),
                                        DeadLetterRow.of("k1", "{", "by hand", null))))
                .isEqualTo(2);

        List<DeadLetterRow> stored = deadLetters.findRecent(10);
        assertThat(stored).hasSize(3);
        assertThat(stored)
                .filteredOn(d -> d.recordRef() != null)
                .singleElement()
                .satisfies(
                        d -> {
                            assertThat(d.receivedAt()).isEqualTo(MORNING);
                            assertThat(d.recordRef()).isEqualTo("kafka:measurements/0/42");
                        });
    }

    @Test
    void areasUpsertByCode() {
        AreaRepository areas = new AreaRepository(ds());
        areas.upsert(List.of(Rows.area("TDP-07", "Tổ dân phố 7"), Rows.area("TDP-01", "TDP 1")));

        areas.upsert(List.of(Rows.area("TDP-01", "Tổ dân phố Đông Hải 1")));

        assertThat(areas.findAll())
                .containsExactly(
                        Rows.area("TDP-01", "Tổ dân phố Đông Hải 1"),
                        Rows.area("TDP-07", "Tổ dân phố 7"));
    }

    @Test
    void aBatchWithARowTheDatabaseRefusesStoresNothing() {
        AreaRepository areas = new AreaRepository(ds());
        AreaRow good = Rows.area("TDP-02", "Tổ dân phố 2");
        AreaRow bad =
                new AreaRow("TDP-03", "Tổ dân phố 3", "Thủy Nguyên", null, "{not json", null, null);

        assertThatThrownBy(() -> areas.upsert(List.of(good, bad)))
                .isInstanceOf(WarehouseException.class)
                .hasMessageContaining("upserting 2 areas failed [SQLState 22P02]");

        assertThat(areas.findAll()).isEmpty();
    }

    private static byte[] sketchOf(double... values) throws java.io.IOException {
        DDSketch sketch = DDSketches.unboundedDense(0.01);
        for (double v : values) {
            sketch.accept(v);
        }
        GrowingByteArrayOutput out = GrowingByteArrayOutput.withDefaultInitialCapacity();
        sketch.encode(out, false);
        return out.trimmedCopy();
    }
}
