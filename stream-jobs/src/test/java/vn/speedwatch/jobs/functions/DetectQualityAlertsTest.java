package vn.speedwatch.jobs.functions;

import static org.apache.flink.types.PojoTestUtils.assertSerializedAsPojo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.datadoghq.sketch.ddsketch.DDSketch;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.flink.api.java.tuple.Tuple3;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.speedwatch.jobs.records.AlertEvent;
import vn.speedwatch.jobs.records.AlertEvent.Action;
import vn.speedwatch.jobs.records.AlertEvent.Kind;
import vn.speedwatch.jobs.records.QualityAggregate;
import vn.speedwatch.model.QualitySketch;

class DetectQualityAlertsTest {

    private static final String TDP = "TDP-07";
    private static final String VIETTEL = "VIETTEL";
    private static final String FIBER = "FIXED_FIBER";

    /** Midnight of 1 March 2026 in Thủy Nguyên. */
    private static final Instant BASELINE_DAY = Instant.parse("2026-02-28T17:00:00Z");

    /** A day after the baseline days, so the last 24 hours hold only what a test sends. */
    private static final Instant BEGINNING = BASELINE_DAY.plus(Duration.ofDays(4));

    private static final Instant ONE_HOUR_LATER = BEGINNING.plus(Duration.ofHours(1));
    private static final Instant TWO_HOURS_LATER = BEGINNING.plus(Duration.ofHours(2));
    private static final Instant THREE_HOURS_LATER = BEGINNING.plus(Duration.ofHours(3));

    private KeyedOneInputStreamOperatorTestHarness<
                    Tuple3<String, String, String>, QualityAggregate, AlertEvent>
            harness;

    @BeforeEach
    void openHarness() throws Exception {
        harness =
                new KeyedOneInputStreamOperatorTestHarness<>(
                        new KeyedProcessOperator<>(new DetectQualityAlerts(AlertRules.defaults())),
                        AlertStage::key,
                        AlertStage.KEY_TYPE);
        harness.open();
        // A normal fibre line for three days: a 100 Mbps baseline with 30 samples a day.
        for (int day = 0; day < 3; day++) {
            send(
                    hour(BASELINE_DAY.plus(Duration.ofDays(day)).plus(Duration.ofHours(20)))
                            .samples(30, 100.0)
                            .build());
        }
        harness.processWatermark(BEGINNING.toEpochMilli());
        harness.getOutput().clear();
    }

    @AfterEach
    void closeHarness() throws Exception {
        harness.close();
    }

    @Test
    void opensAfterTwoBadEvaluationsNotAfterOne() throws Exception {
        send(hour(BEGINNING).samples(30, 50.0).build());
        harness.processWatermark(ONE_HOUR_LATER.toEpochMilli());
        assertThat(alerts()).isEmpty();

        send(hour(ONE_HOUR_LATER).samples(10, 50.0).build());
        harness.processWatermark(TWO_HOURS_LATER.toEpochMilli());

        assertThat(alerts())
                .singleElement()
                .satisfies(
                        alert -> {
                            assertThat(alert.action).isEqualTo(Action.OPEN);
                            assertThat(alert.kind).isEqualTo(Kind.MEDIAN_DROP);
                            assertThat(alert.tdpCode).isEqualTo(TDP);
                            assertThat(alert.operator).isEqualTo(VIETTEL);
                            assertThat(alert.accessType).isEqualTo(FIBER);
                            assertThat(alert.at()).isEqualTo(TWO_HOURS_LATER);
                            assertThat(alert.sampleCount).isEqualTo(40);
                            assertThat(alert.median24h).isCloseTo(50.0, within(1.0));
                            assertThat(alert.baselineMedian).isCloseTo(100.0, within(2.0));
                        });
    }

    @Test
    void oneBadEvaluationFollowedByAGoodOneOpensNothing() throws Exception {
        send(hour(BEGINNING).samples(30, 50.0).build());
        harness.processWatermark(ONE_HOUR_LATER.toEpochMilli());
        send(hour(ONE_HOUR_LATER).samples(100, 100.0).build());
        harness.processWatermark(BEGINNING.plus(Duration.ofHours(12)).toEpochMilli());

        assertThat(alerts()).isEmpty();
    }

    @Test
    void closesAfterTwoHealthyEvaluations() throws Exception {
        send(hour(BEGINNING).samples(30, 50.0).build());
        send(hour(ONE_HOUR_LATER).samples(10, 50.0).build());
        harness.processWatermark(TWO_HOURS_LATER.toEpochMilli());
        assertThat(alerts()).extracting(a -> a.action).containsExactly(Action.OPEN);

        send(hour(TWO_HOURS_LATER).samples(200, 100.0).build());
        harness.processWatermark(THREE_HOURS_LATER.toEpochMilli());
        assertThat(alerts()).isEmpty();
        harness.processWatermark(THREE_HOURS_LATER.plus(Duration.ofHours(1)).toEpochMilli());

        assertThat(alerts())
                .singleElement()
                .satisfies(
                        alert -> {
                            assertThat(alert.action).isEqualTo(Action.CLOSE);
                            assertThat(alert.kind).isEqualTo(Kind.MEDIAN_DROP);
                            assertThat(alert.median24h).isCloseTo(100.0, within(2.0));
                        });
    }

    @Test
    void tooFewSamplesNeverOpenAnAlert() throws Exception {
        send(hour(BEGINNING).samples(9, 10.0).belowQcvn(9).build());
        send(hour(ONE_HOUR_LATER).samples(9, 10.0).belowQcvn(9).build());
        harness.processWatermark(BEGINNING.plus(Duration.ofHours(30)).toEpochMilli());

        assertThat(alerts()).isEmpty();
    }

    @Test
    void mostSamplesBelowQcvnOpensABelowQcvnAlert() throws Exception {
        send(hour(BEGINNING).samples(30, 95.0).belowQcvn(18).build());
        harness.processWatermark(ONE_HOUR_LATER.toEpochMilli());
        assertThat(alerts()).isEmpty();
        harness.processWatermark(TWO_HOURS_LATER.toEpochMilli());

        assertThat(alerts())
                .singleElement()
                .satisfies(
                        alert -> {
                            assertThat(alert.action).isEqualTo(Action.OPEN);
                            assertThat(alert.kind).isEqualTo(Kind.BELOW_QCVN);
                            assertThat(alert.belowQcvnShare).isCloseTo(0.6, within(1e-9));
                        });
    }

    @Test
    void earlyFiringsAreIgnoredAndALaterFinalReplacesItsHour() throws Exception {
        send(hour(BEGINNING).samples(30, 20.0).early().build());
        send(hour(ONE_HOUR_LATER).samples(30, 20.0).build());
        send(hour(ONE_HOUR_LATER).samples(30, 100.0).build()); // the late firing corrects it
        harness.processWatermark(BEGINNING.plus(Duration.ofHours(6)).toEpochMilli());

        assertThat(alerts()).isEmpty();
    }

    @Test
    void forgetsAQuietKeyAndClosesItsOpenAlert() throws Exception {
        send(hour(BEGINNING).samples(30, 50.0).build());
        send(hour(ONE_HOUR_LATER).samples(10, 50.0).build());
        harness.processWatermark(TWO_HOURS_LATER.toEpochMilli());
        assertThat(alerts()).extracting(a -> a.action).containsExactly(Action.OPEN);
        assertThat(harness.numEventTimeTimers()).isEqualTo(2); // next evaluation and clean-up

        harness.processWatermark(TWO_HOURS_LATER.plus(Duration.ofDays(2)).toEpochMilli());
        assertThat(harness.numEventTimeTimers()).as("only the clean-up timer").isEqualTo(1);
        harness.processWatermark(TWO_HOURS_LATER.plus(Duration.ofDays(30)).toEpochMilli());

        assertThat(alerts())
                .singleElement()
                .satisfies(
                        alert -> {
                            assertThat(alert.action).isEqualTo(Action.CLOSE);
                            assertThat(alert.kind).isEqualTo(Kind.MEDIAN_DROP);
                        });
        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.numEventTimeTimers()).isZero();
    }

    @Test
    void alertEventsAndStreaksSerializeAsPojos() {
        assertSerializedAsPojo(AlertEvent.class);
        assertSerializedAsPojo(AlertRules.Streak.class);
    }

    @Test
    void aggregatesWithUnreadableSketchesAreSkipped() throws Exception {
        QualityAggregate broken = hour(BEGINNING).samples(30, 10.0).build();
        broken.downloadSketch = new byte[] {1, 2, 3};
        send(broken);
        harness.processWatermark(TWO_HOURS_LATER.toEpochMilli());

        assertThat(alerts()).isEmpty();
    }

    private void send(QualityAggregate agg) throws Exception {
        harness.processElement(agg, agg.bucketStartMillis + Duration.ofHours(1).toMillis() - 1);
    }

    /** The alerts emitted since the last call. */
    private List<AlertEvent> alerts() {
        List<AlertEvent> out = harness.extractOutputValues();
        harness.getOutput().clear();
        return out;
    }

    private static HourBuilder hour(Instant start) {
        return new HourBuilder(start);
    }

    /** A final hourly aggregate of TDP-07 / Viettel / fibre, built like a sentence. */
    private static final class HourBuilder {
        private final QualityAggregate agg = new QualityAggregate();

        HourBuilder(Instant start) {
            agg.resolution = "hour";
            agg.bucketStartMillis = start.toEpochMilli();
            agg.tdpCode = TDP;
            agg.operator = VIETTEL;
            agg.accessType = FIBER;
            agg.finalResult = true;
        }

        HourBuilder samples(int count, double downloadMbps) {
            DDSketch sketch = QualitySketch.create();
            for (int i = 0; i < count; i++) {
                QualitySketch.add(sketch, downloadMbps);
            }
            agg.downloadSketch = QualitySketch.toBytes(sketch);
            agg.sampleCount = count;
            agg.deviceCount = count;
            agg.downloadMedian = downloadMbps;
            agg.qcvnEvaluatedCount = count;
            return this;
        }

        HourBuilder belowQcvn(int count) {
            agg.belowQcvnCount = count;
            return this;
        }

        HourBuilder early() {
            agg.finalResult = false;
            return this;
        }

        QualityAggregate build() {
            return agg;
        }
    }
}
