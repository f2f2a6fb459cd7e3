package vn.speedwatch.jobs.functions;

import static org.apache.flink.types.PojoTestUtils.assertSerializedAsPojo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.speedwatch.jobs.records.EnrichedMeasurement;
import vn.speedwatch.jobs.records.HeatmapCell;
import vn.speedwatch.jobs.testing.Fixtures;
import vn.speedwatch.model.GeoCells;

class HeatmapStageTest {

    @RegisterExtension static final MiniClusterExtension FLINK = Fixtures.miniCluster();

    /** Midnight of Monday 2 March 2026 in Thủy Nguyên (UTC+7). */
    private static final Instant MONDAY = Instant.parse("2026-03-01T17:00:00Z");

    private static final Instant MONDAY_EVENING = MONDAY.plus(Duration.ofHours(20));
    private static final Instant MONDAY_LATE_NIGHT = MONDAY.plus(Duration.ofMinutes(23 * 60 + 30));
    private static final Instant TUESDAY_JUST_AFTER_MIDNIGHT =
            MONDAY.plus(Duration.ofMinutes(24 * 60 + 30));
    private static final Instant TUESDAY_MORNING = MONDAY.plus(Duration.ofHours(30));
    private static final String FERRY = GeoCells.quadkey(20.9312, 106.6655, GeoCells.HEATMAP_ZOOM);
    private static final String MARKET = GeoCells.quadkey(20.9405, 106.6801, GeoCells.HEATMAP_ZOOM);

    @Test
    void aCellIsPublishedWithFiveDevicesButNotWithFour() throws Exception {
        List<EnrichedMeasurement> day = new ArrayList<>();
        for (int device = 1; device <= 5; device++) {
            day.add(measurement(FERRY, "home-" + device, 40.0 + 10 * device, MONDAY_EVENING));
        }
        day.add(measurement(FERRY, "home-1", 50.0, MONDAY_EVENING.plusSeconds(60)));
        for (int device = 1; device <= 4; device++) {
            day.add(measurement(MARKET, "shop-" + device, 30.0, MONDAY_EVENING));
            day.add(measurement(MARKET, "shop-" + device, 30.0, MONDAY_EVENING.plusSeconds(60)));
        }

        List<HeatmapCell> cells = run(day);

        assertThat(cells)
                .singleElement()
                .satisfies(
                        cell -> {
                            assertThat(cell.quadkey).isEqualTo(FERRY);
                            assertThat(cell.operator).isEqualTo("VIETTEL");
                            assertThat(cell.accessType).isEqualTo("FIXED_FIBER");
                            assertThat(Instant.ofEpochMilli(cell.dayStartMillis)).isEqualTo(MONDAY);
                            assertThat(cell.deviceCount).isEqualTo(5);
                            assertThat(cell.sampleCount).isEqualTo(6);
                            // 50, 50, 60, 70, 80, 90 Mbps; the sketches are within 1 %.
                            assertThat(cell.downloadMedian).isCloseTo(60.0, within(0.6));
                            assertThat(cell.downloadP10).isCloseTo(50.0, within(0.5));
                            assertThat(cell.uploadMedian).isCloseTo(15.0, within(0.15));
                            assertThat(cell.latencyMedian).isCloseTo(12.0, within(0.12));
                            assertThat(cell.belowQcvnShare).isCloseTo(2.0 / 6, within(1e-9));
                            double[] center = GeoCells.quadkeyCenter(FERRY);
                            assertThat(cell.centerLat).isEqualTo(center[0]);
                            assertThat(cell.centerLon).isEqualTo(center[1]);
                        });
    }

    @Test
    void daysFollowHoChiMinhTimeAndEachDayNeedsItsOwnFiveDevices() throws Exception {
        List<EnrichedMeasurement> twoDays = new ArrayList<>();
        for (int device = 1; device <= 5; device++) {
            twoDays.add(measurement(FERRY, "home-" + device, 80.0, MONDAY_LATE_NIGHT));
        }
        for (int device = 1; device <= 3; device++) {
            twoDays.add(measurement(FERRY, "home-" + device, 80.0, TUESDAY_JUST_AFTER_MIDNIGHT));
        }

        assertThat(run(twoDays))
                .singleElement()
                .satisfies(
                        cell -> {
                            assertThat(Instant.ofEpochMilli(cell.dayStartMillis)).isEqualTo(MONDAY);
                            assertThat(cell.sampleCount).isEqualTo(5);
                        });
    }

    @Test
    void anErasureIsSubtractedAndCanTakeACellBelowK() throws Exception {
        List<EnrichedMeasurement> day = new ArrayList<>();
        for (int device = 1; device <= 6; device++) {
            day.add(measurement(FERRY, "home-" + device, 60.0, MONDAY_EVENING));
        }
        day.add(erasureOf(day.get(5)));
        for (int device = 1; device <= 5; device++) {
            day.add(measurement(MARKET, "shop-" + device, 30.0, MONDAY_EVENING));
        }
        day.add(erasureOf(day.get(day.size() - 1)));

        assertThat(run(day))
                .singleElement()
                .satisfies(
                        cell -> {
                            assertThat(cell.quadkey).isEqualTo(FERRY);
                            assertThat(cell.deviceCount).isEqualTo(5);
                            assertThat(cell.sampleCount).isEqualTo(5);
                        });
    }

    @Test
    void anErasureAfterTheDayWasPublishedWithdrawsTheCell() throws Exception {
        List<EnrichedMeasurement> inOrder = new ArrayList<>();
        for (int device = 1; device <= 5; device++) {
            inOrder.add(measurement(FERRY, "home-" + device, 60.0, MONDAY_EVENING));
        }
        // A test on Tuesday morning moves event time past Monday: Monday is published.
        inOrder.add(measurement(MARKET, "shop-1", 30.0, TUESDAY_MORNING));
        inOrder.add(erasureOf(inOrder.get(4)));

        List<HeatmapCell> cells = runOneByOne(inOrder);

        assertThat(cells)
                .extracting(c -> c.quadkey, c -> c.deviceCount, c -> c.withdrawn)
                .containsExactly(tuple(FERRY, 5, false), tuple(FERRY, 4, true));
        assertThat(Instant.ofEpochMilli(cells.get(1).dayStartMillis)).isEqualTo(MONDAY);
    }

    @Test
    void measurementsWithoutCellOrDeviceStayOffTheMap() throws Exception {
        List<EnrichedMeasurement> day = new ArrayList<>();
        for (int device = 1; device <= 5; device++) {
            EnrichedMeasurement noCell = measurement(FERRY, "home-" + device, 60.0, MONDAY_EVENING);
            noCell.quadkey = null;
            EnrichedMeasurement noDevice = measurement(FERRY, null, 60.0, MONDAY_EVENING);
            day.add(noCell);
            day.add(noDevice);
        }

        assertThat(run(day)).isEmpty();
    }

    @Test
    void cellsSerializeAsPojos() {
        // The window state is a QualityAccumulator: PojoSerializationTest checks its serializer.
        assertSerializedAsPojo(HeatmapCell.class);
    }

    private static List<HeatmapCell> run(List<EnrichedMeasurement> measurements) throws Exception {
        Configuration conf = new Configuration();
        conf.set(PipelineOptions.GENERIC_TYPES, false);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        env.setParallelism(2);
        DataStream<EnrichedMeasurement> capped =
                env.fromData(
                                EnrichedMeasurement.class,
                                measurements.toArray(new EnrichedMeasurement[0]))
                        .assignTimestampsAndWatermarks(
                                WatermarkStrategy.<EnrichedMeasurement>forBoundedOutOfOrderness(
                                                Duration.ofMinutes(5))
                                        .withTimestampAssigner((m, previous) -> m.receivedAtMillis))
                        // As de-duplication hands them on: keyed by id, so an erasure follows its
                        // test.
                        .keyBy(m -> m.id)
                        .map(m -> m)
                        .returns(EnrichedMeasurement.class);
        DataStream<HeatmapCell> cells =
                HeatmapStage.attach(capped, 5, Duration.ofHours(1), Duration.ofHours(1));
        return cells.executeAndCollect("heatmap test", 1000);
    }

    /**
     * One subtask and a watermark after every record, so the order of the list is the order the
     * window sees, late records included.
     */
    private static List<HeatmapCell> runOneByOne(List<EnrichedMeasurement> measurements)
            throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(1);
        WatermarkStrategy<EnrichedMeasurement> everyRecord =
                WatermarkStrategy.forGenerator(
                        context ->
                                new WatermarkGenerator<>() {
                                    @Override
                                    public void onEvent(
                                            EnrichedMeasurement m, long ts, WatermarkOutput out) {
                                        out.emitWatermark(new Watermark(ts - 1));
                                    }

                                    @Override
                                    public void onPeriodicEmit(WatermarkOutput out) {}
                                });
        DataStream<EnrichedMeasurement> capped =
                env.fromData(
                                EnrichedMeasurement.class,
                                measurements.toArray(new EnrichedMeasurement[0]))
                        .assignTimestampsAndWatermarks(
                                everyRecord.withTimestampAssigner(
                                        (m, previous) -> m.receivedAtMillis));
        return HeatmapStage.attach(capped, 5, Duration.ofDays(1), Duration.ofHours(1))
                .executeAndCollect("heatmap withdrawal test", 1000);
    }

    /** A fibre test of Viettel in {@code quadkey} by {@code device}; under 55 Mbps fails QCVN. */
    private static EnrichedMeasurement measurement(
            String quadkey, String device, double downloadMbps, Instant at) {
        EnrichedMeasurement m = new EnrichedMeasurement();
        m.id = UUID.randomUUID().toString();
        m.measuredAtMillis = at.toEpochMilli();
        m.receivedAtMillis = at.toEpochMilli() + 30_000;
        m.downloadMbps = downloadMbps;
        m.uploadMbps = downloadMbps / 4;
        m.latencyMs = 12.0;
        m.operator = "VIETTEL";
        m.accessType = "FIXED_FIBER";
        m.tdpCode = "TDP-07";
        m.quadkey = quadkey;
        m.deviceHash = device;
        m.qcvnPass = downloadMbps >= 55.0;
        return m;
    }

    /** The erasure of {@code m}, requested a little later, as de-duplication hands it on. */
    private static EnrichedMeasurement erasureOf(EnrichedMeasurement m) {
        EnrichedMeasurement e =
                measurement(
                        m.quadkey,
                        m.deviceHash,
                        m.downloadMbps,
                        Instant.ofEpochMilli(m.measuredAtMillis));
        e.id = m.id;
        e.qcvnPass = m.qcvnPass;
        e.receivedAtMillis = m.receivedAtMillis + 60_000;
        e.erasure = true;
        return e;
    }
}
