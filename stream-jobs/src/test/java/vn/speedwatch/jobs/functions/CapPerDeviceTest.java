package vn.speedwatch.jobs.functions;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.speedwatch.jobs.testing.Fixtures.MONDAY_LOCAL_MIDNIGHT;
import static vn.speedwatch.jobs.testing.Fixtures.MONDAY_MORNING;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.speedwatch.jobs.records.EnrichedMeasurement;

class CapPerDeviceTest {

    static final int CAP = 3;
    static final Duration LATENESS = Duration.ofDays(7);

    KeyedOneInputStreamOperatorTestHarness<
                    Tuple2<Long, Long>, EnrichedMeasurement, EnrichedMeasurement>
            harness;

    @BeforeEach
    void openHarness() throws Exception {
        harness =
                ProcessFunctionTestHarnesses.forKeyedProcessFunction(
                        new CapPerDevice(CAP, LATENESS), CapPerDevice.key(), CapPerDevice.KEY_TYPE);
    }

    @AfterEach
    void closeHarness() throws Exception {
        harness.close();
    }

    @Test
    void oneDeviceCountsAtMostCapTimesPerCellAndDay() throws Exception {
        List<EnrichedMeasurement> heavy = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            heavy.add(test("heavy-tester", "TDP-07", i));
        }
        for (EnrichedMeasurement m : heavy) {
            send(m);
        }
        send(test("neighbour", "TDP-07", 1));
        send(test("heavy-tester", "TDP-08", 1));
        assertThat(harness.extractOutputValues()).hasSize(CAP + 2);
    }

    @Test
    void erasingAnAdmittedTestFreesItsPlaceAndIsPassedOn() throws Exception {
        EnrichedMeasurement first = test("phone", "TDP-07", 0);
        send(first);
        send(test("phone", "TDP-07", 1));
        send(test("phone", "TDP-07", 2));
        send(erasureOf(first));
        send(test("phone", "TDP-07", 3));
        List<EnrichedMeasurement> out = harness.extractOutputValues();
        assertThat(out).hasSize(5);
        assertThat(out.get(3).erasure).isTrue();
    }

    @Test
    void erasingACappedTestIsNotPassedOnBecauseItWasNeverAggregated() throws Exception {
        for (int i = 0; i < CAP; i++) {
            send(test("phone", "TDP-07", i));
        }
        EnrichedMeasurement capped = test("phone", "TDP-07", 9);
        send(capped);
        send(erasureOf(capped));
        assertThat(harness.extractOutputValues()).hasSize(CAP);
    }

    @Test
    void stateAndTimersAreGoneOnceTheDayCanReceiveNoMoreLateData() throws Exception {
        send(test("phone", "TDP-07", 0));
        send(test("tablet", "TDP-07", 0));
        assertThat(harness.numKeyedStateEntries()).isEqualTo(2);
        assertThat(harness.numEventTimeTimers()).isEqualTo(2);

        long endOfLateness =
                MONDAY_LOCAL_MIDNIGHT.plus(Duration.ofDays(1)).plus(LATENESS).toEpochMilli();
        harness.processWatermark(endOfLateness);

        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.numEventTimeTimers()).isZero();
    }

    private void send(EnrichedMeasurement m) throws Exception {
        harness.processElement(new StreamRecord<>(m, m.measuredAtMillis));
    }

    static EnrichedMeasurement test(String device, String tdp, int minute) {
        EnrichedMeasurement m = new EnrichedMeasurement();
        m.id = device + "-" + tdp + "-" + minute;
        m.deviceHash = device;
        m.tdpCode = tdp;
        m.operator = "VIETTEL";
        m.accessType = "MOBILE_4G";
        m.measuredAtMillis = MONDAY_MORNING.plusSeconds(60L * minute).toEpochMilli();
        m.downloadMbps = 50 + minute;
        return m;
    }

    static EnrichedMeasurement erasureOf(EnrichedMeasurement m) {
        EnrichedMeasurement e = test(m.deviceHash, m.tdpCode, 0);
        e.id = m.id;
        e.measuredAtMillis = m.measuredAtMillis;
        e.erasure = true;
        return e;
    }
}
