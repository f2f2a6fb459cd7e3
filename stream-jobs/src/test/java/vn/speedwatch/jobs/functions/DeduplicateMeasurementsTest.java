package vn.speedwatch.jobs.functions;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.speedwatch.jobs.testing.Fixtures.MONDAY_MORNING;
import static vn.speedwatch.jobs.testing.Fixtures.erasure;
import static vn.speedwatch.jobs.testing.Fixtures.measurement;
import static vn.speedwatch.jobs.testing.Fixtures.record;

import java.time.Duration;
import java.util.List;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
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
        harness = newHarness();
        harness.open();
    }

    private static KeyedOneInputStreamOperatorTestHarness<
                    Tuple2<Long, Long>, ParsedEvent, ParsedEvent>
            newHarness() throws Exception {
        return new KeyedOneInputStreamOperatorTestHarness<>(
                new KeyedProcessOperator<>(new DeduplicateMeasurements(TTL)),
                DeduplicateMeasurements.key(),
                DeduplicateMeasurements.KEY_TYPE);
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
    void forgetsEachIdAfterTheTtlWithoutTimers() throws Exception {
        MeasurementEvent m = measurement(Operator.VIETTEL, "TDP-07", 85.0, MONDAY_MORNING);
        send(m);
        send(measurement(Operator.VIETTEL, "TDP-07", 90.0, MONDAY_MORNING));
        assertThat(harness.numKeyedStateEntries()).isEqualTo(2); // one per id
        assertThat(harness.numProcessingTimeTimers()).isZero();

        harness.setStateTtlProcessingTime(TTL.toMillis() + 1);

        // A checkpoint taken now leaves both ids out ...
        assertThat(restoredEntries(harness.snapshot(1, TTL.toMillis() + 1))).isZero();
        // ... and the accesses of new ids sweep them off the heap, a few buckets of the state
        // table per access: within a few hundred new ids here (a handful of buckets each).
        int newIds = 0;
        while (harness.numKeyedStateEntries() > newIds && newIds < 500) {
            send(measurement(Operator.VIETTEL, "TDP-07", 91.0, MONDAY_MORNING));
            newIds++;
        }
        assertThat(harness.numKeyedStateEntries()).isEqualTo(newIds); // only the new ids
        send(m);
        assertThat(output()).hasSize(2 + newIds + 1); // remembered no longer: passes again
    }

    @Test
    void anErasureKeepsTheIdATtlFromTheErasureNotFromTheFirstPost() throws Exception {
        MeasurementEvent m = measurement(Operator.FPT, "TDP-01", 300.0, MONDAY_MORNING);
        send(m);
        harness.setStateTtlProcessingTime(TTL.toMillis() / 2);
        send(erasure(m.id(), MONDAY_MORNING.plusSeconds(60)));

        harness.setStateTtlProcessingTime(TTL.toMillis() + 1); // a TTL after the first post
        send(m);
        assertThat(output()).extracting(ParsedEvent::isErasure).containsExactly(false, true);
        assertThat(harness.numKeyedStateEntries()).isEqualTo(1);

        long afterErasure = TTL.toMillis() / 2 + TTL.toMillis() + 1;
        harness.setStateTtlProcessingTime(afterErasure);
        assertThat(restoredEntries(harness.snapshot(1, afterErasure))).isZero();
        send(m);
        assertThat(output()).extracting(ParsedEvent::isErasure).containsExactly(false, true, false);
    }

    @Test
    void rememberedStateSurvivesACheckpoint() throws Exception {
        MeasurementEvent m = measurement(Operator.VNPT, "TDP-03", 42.0, MONDAY_MORNING);
        MeasurementEvent erased = measurement(Operator.FPT, "TDP-01", 300.0, MONDAY_MORNING);
        send(m);
        send(erased);
        send(erasure(erased.id(), MONDAY_MORNING.plusSeconds(60)));
        OperatorSubtaskState checkpoint = harness.snapshot(1, 1);
        harness.close();

        harness = newHarness();
        harness.initializeState(checkpoint);
        harness.open();
        send(m);
        send(erased);
        send(erasure(m.id(), MONDAY_MORNING.plusSeconds(600)));
        List<ParsedEvent> out = output();
        assertThat(out).hasSize(1);
        assertThat(out.get(0).erasedKnown).isTrue();
        assertThat(out.get(0).downloadMbps).isEqualTo(42.0);
        assertThat(out.get(0).operatorRaw).isEqualTo(m.measurement().operator());
        assertThat(out.get(0).deviceHash).isEqualTo(m.clientHash());
    }

    /** How many state entries a new harness restored from {@code checkpoint} holds. */
    private static int restoredEntries(OperatorSubtaskState checkpoint) throws Exception {
        try (var restored = newHarness()) {
            restored.initializeState(checkpoint);
            restored.open();
            return restored.numKeyedStateEntries();
        }
    }

    private void send(MeasurementEvent e) throws Exception {
        ParsedEvent p = DECODER.decode(record(e), e.receivedAt().toEpochMilli()).event();
        harness.processElement(new StreamRecord<>(p, p.measuredAtMillis));
    }

    private List<ParsedEvent> output() {
        return harness.extractOutputValues();
    }
}
