package vn.speedwatch.jobs.functions;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.speedwatch.jobs.testing.Fixtures.MONDAY_MORNING;
import static vn.speedwatch.jobs.testing.Fixtures.erasure;
import static vn.speedwatch.jobs.testing.Fixtures.measurement;
import static vn.speedwatch.jobs.testing.Fixtures.record;

import java.time.Duration;
import java.util.List;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.speedwatch.jobs.records.ParsedEvent;
import vn.speedwatch.model.MeasurementEvent;
import vn.speedwatch.model.Operator;
import vn.speedwatch.model.ValidationLimits;

class DeduplicateMeasurementsTest {

    static final Duration TTL = Duration.ofDays(7);
    static final EventDecoder DECODER = new EventDecoder(ValidationLimits.defaults());

    KeyedOneInputStreamOperatorTestHarness<Tuple2<Long, Long>, ParsedEvent, ParsedEvent> harness;

    @BeforeEach
    void openHarness() throws Exception {
        harness =
                ProcessFunctionTestHarnesses.forKeyedProcessFunction(
                        new DeduplicateMeasurements(TTL),
                        DeduplicateMeasurements.key(),
                        DeduplicateMeasurements.KEY_TYPE);
        harness.setProcessingTime(0);
    }

    @AfterEach
    void closeHarness() throws Exception {
        harness.close();
    }

    @Test
    void passesTheFirstCopyAndDropsLaterCopies() throws Exception {
        MeasurementEvent m = measurement(Operator.VIETTEL, "TDP-07", 85.0, MONDAY_MORNING);
        send(m);
        send(m);
        send(m);
        assertThat(output()).extracting(e -> e.id).containsExactly(m.id().toString());
    }

    @Test
    void erasureOfARememberedMeasurementCarriesWhatItErases() throws Exception {
        MeasurementEvent m = measurement(Operator.VNPT, "TDP-03", 42.0, MONDAY_MORNING);
        send(m);
        send(erasure(m.id(), MONDAY_MORNING.plusSeconds(600)));
        List<ParsedEvent> out = output();
        assertThat(out).hasSize(2);
        ParsedEvent e = out.get(1);
        assertThat(e.isErasure()).isTrue();
        assertThat(e.erasedKnown).isTrue();
        assertThat(e.downloadMbps).isEqualTo(42.0);
        assertThat(e.measuredAtMillis).isEqualTo(MONDAY_MORNING.toEpochMilli());
        assertThat(e.receivedAtMillis).isEqualTo(MONDAY_MORNING.plusSeconds(600).toEpochMilli());
    }

    @Test
    void aRepostOfAnErasedMeasurementIsDropped() throws Exception {
        MeasurementEvent m = measurement(Operator.FPT, "TDP-01", 300.0, MONDAY_MORNING);
        send(m);
        send(erasure(m.id(), MONDAY_MORNING.plusSeconds(60)));
        send(m);
        send(erasure(m.id(), MONDAY_MORNING.plusSeconds(120)));
        assertThat(output()).extracting(ParsedEvent::isErasure).containsExactly(false, true);
    }

    @Test
    void erasureOfAnUnknownIdIsPassedOnUnresolved() throws Exception {
        MeasurementEvent m = measurement(Operator.FPT, "TDP-01", 300.0, MONDAY_MORNING);
        send(erasure(m.id(), MONDAY_MORNING));
        send(m);
        List<ParsedEvent> out = output();
        assertThat(out).hasSize(1);
        assertThat(out.get(0).erasedKnown).isFalse();
    }

    @Test
    void forgetsEachIdAfterTheTtlAndLeavesNoStateOrTimers() throws Exception {
        MeasurementEvent m = measurement(Operator.VIETTEL, "TDP-07", 85.0, MONDAY_MORNING);
        send(m);
        send(measurement(Operator.VIETTEL, "TDP-07", 90.0, MONDAY_MORNING));
        assertThat(harness.numKeyedStateEntries()).isEqualTo(2); // one per id
        assertThat(harness.numProcessingTimeTimers()).isEqualTo(2);

        harness.setProcessingTime(TTL.toMillis() + 1);

        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.numProcessingTimeTimers()).isZero();
        send(m);
        assertThat(output()).hasSize(3); // remembered no longer: passes again
    }

    @Test
    void anErasureKeepsTheIdATtlFromTheErasureNotFromTheFirstPost() throws Exception {
        MeasurementEvent m = measurement(Operator.FPT, "TDP-01", 300.0, MONDAY_MORNING);
        send(m);
        harness.setProcessingTime(TTL.toMillis() / 2);
        send(erasure(m.id(), MONDAY_MORNING.plusSeconds(60)));

        harness.setProcessingTime(TTL.toMillis() + 1); // the first post's timer fires
        send(m);
        assertThat(output()).extracting(ParsedEvent::isErasure).containsExactly(false, true);
        assertThat(harness.numKeyedStateEntries()).isEqualTo(1);

        harness.setProcessingTime(TTL.toMillis() / 2 + TTL.toMillis() + 1);
        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.numProcessingTimeTimers()).isZero();
    }

    private void send(MeasurementEvent e) throws Exception {
        ParsedEvent p = DECODER.decode(record(e), e.receivedAt().toEpochMilli()).event();
        harness.processElement(new StreamRecord<>(p, p.measuredAtMillis));
    }

    private List<ParsedEvent> output() {
        return harness.extractOutputValues();
    }
}
