package vn.speedwatch.jobs.functions;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.speedwatch.jobs.testing.Fixtures.MONDAY_MORNING;
import static vn.speedwatch.jobs.testing.Fixtures.erasure;
import static vn.speedwatch.jobs.testing.Fixtures.malformed;
import static vn.speedwatch.jobs.testing.Fixtures.measurement;
import static vn.speedwatch.jobs.testing.Fixtures.record;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import vn.speedwatch.jobs.records.ParsedEvent;
import vn.speedwatch.jobs.records.RawEvent;
import vn.speedwatch.model.MeasurementEvent;
import vn.speedwatch.model.MeasurementEventWriter;
import vn.speedwatch.model.Operator;
import vn.speedwatch.model.ValidationLimits;

class EventDecoderTest {

    final EventDecoder decoder = new EventDecoder(ValidationLimits.defaults());
    final long now = MONDAY_MORNING.plus(Duration.ofDays(3)).toEpochMilli();

    @Test
    void aValidMeasurementKeepsItsValuesAndDevice() {
        MeasurementEvent e = measurement(Operator.VIETTEL, "TDP-07", 85.0, MONDAY_MORNING);
        ParsedEvent p = decoder.decode(record(e), now).event();
        assertThat(p.type).isEqualTo(ParsedEvent.MEASUREMENT);
        assertThat(p.id).isEqualTo(e.id().toString());
        assertThat(p.measuredAtMillis).isEqualTo(MONDAY_MORNING.toEpochMilli());
        assertThat(p.downloadMbps).isEqualTo(85.0);
        assertThat(p.operatorRaw).isEqualTo("Viettel");
        assertThat(p.chosenTdpCode).isEqualTo("TDP-07");
        assertThat(p.deviceHash).isEqualTo(e.clientHash());
    }

    @Test
    void theCollectorsHandWrittenValueDecodesLikeTheMappersValue() {
        MeasurementEvent e = measurement(Operator.VIETTEL, "TDP-07", 85.25, MONDAY_MORNING);
        RawEvent written =
                new RawEvent(
                        e.id().toString(),
                        new String(
                                MeasurementEventWriter.write(e),
                                java.nio.charset.StandardCharsets.UTF_8));

        ParsedEvent fromCollector = decoder.decode(written, now).event();
        ParsedEvent fromMapper = decoder.decode(record(e), now).event();

        assertThat(fromCollector).usingRecursiveComparison().isEqualTo(fromMapper);
        assertThat(fromCollector.downloadMbps).isEqualTo(85.25);
        assertThat(fromCollector.measuredAtMillis).isEqualTo(MONDAY_MORNING.toEpochMilli());
    }

    @Test
    void isValidatedAgainstWhenTheCollectorReceivedItSoReplaysDaysLaterStillPass() {
        MeasurementEvent e = measurement(Operator.VNPT, "TDP-01", 20.0, MONDAY_MORNING);
        long fortyDaysLater = MONDAY_MORNING.plus(Duration.ofDays(40)).toEpochMilli();
        assertThat(decoder.decode(record(e), fortyDaysLater).event()).isNotNull();
    }

    @Test
    void malformedJsonBecomesADeadLetterWithTheReason() {
        var d = decoder.decode(malformed("{\"type\": \"MEASUREMENT\", "), now).deadLetter();
        assertThat(d.reason).startsWith("malformed JSON");
        assertThat(d.payload).isEqualTo("{\"type\": \"MEASUREMENT\", ");
    }

    @Test
    void anInvalidMeasurementBecomesADeadLetterListingEveryViolation() {
        MeasurementEvent e = measurement(Operator.VNPT, "TDP-01", -3.0, MONDAY_MORNING);
        var d = decoder.decode(record(e), now).deadLetter();
        assertThat(d.reason).startsWith("invalid measurement: /downloadMbps");
        assertThat(d.violationsJson).contains("/downloadMbps");
        assertThat(d.recordKey).isEqualTo(e.id().toString());
    }

    @Test
    void aDeadLetterIsNamedByItsSourcePositionElseByItsKeyAndValue() {
        String kafka = "kafka:measurements/1/7";
        assertThat(decoder.decode(new RawEvent("k", "{", kafka), now).deadLetter().recordRef)
                .isEqualTo(kafka);

        String once = decoder.decode(new RawEvent("k", "{"), now).deadLetter().recordRef;
        String replayedLater =
                decoder.decode(new RawEvent("k", "{"), now + 60_000).deadLetter().recordRef;
        assertThat(once).startsWith("sha256:").hasSize("sha256:".length() + 64);
        assertThat(replayedLater).isEqualTo(once);
        assertThat(decoder.decode(new RawEvent("k", "["), now).deadLetter().recordRef)
                .isNotEqualTo(once);
        assertThat(decoder.decode(new RawEvent("k{", ""), now).deadLetter().recordRef)
                .isNotEqualTo(decoder.decode(new RawEvent("k", "{"), now).deadLetter().recordRef);
        assertThat(decoder.decode(new RawEvent(null, "{"), now).deadLetter().recordRef)
                .isNotEqualTo(decoder.decode(new RawEvent("", "{"), now).deadLetter().recordRef);
    }

    @Test
    void unknownEventTypesAndNullValuesAreDeadLetters() {
        assertThat(decoder.decode(malformed("{\"type\":\"UPSERT\"}"), now).deadLetter().reason)
                .isEqualTo("unknown event type 'UPSERT'");
        assertThat(decoder.decode(new RawEvent("k", null), now).deadLetter().reason)
                .isEqualTo("not a JSON object");
    }

    @Test
    void anErasureNeedsOnlyItsId() {
        MeasurementEvent e = erasure(java.util.UUID.randomUUID(), MONDAY_MORNING);
        ParsedEvent p = decoder.decode(record(e), now).event();
        assertThat(p.isErasure()).isTrue();
        assertThat(p.id).isEqualTo(e.id().toString());
        assertThat(p.receivedAtMillis).isEqualTo(MONDAY_MORNING.toEpochMilli());
        assertThat(
                        decoder.decode(malformed("{\"type\":\"ERASURE\",\"id\":\"x\"}"), now)
                                .deadLetter()
                                .reason)
                .isEqualTo("erasure without a valid id");
    }
}
