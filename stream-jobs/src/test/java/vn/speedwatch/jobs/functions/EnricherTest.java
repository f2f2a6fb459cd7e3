package vn.speedwatch.jobs.functions;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.speedwatch.jobs.testing.Fixtures.MONDAY_MORNING;
import static vn.speedwatch.jobs.testing.Fixtures.locatedAt;
import static vn.speedwatch.jobs.testing.Fixtures.measurement;
import static vn.speedwatch.jobs.testing.Fixtures.record;

import java.lang.reflect.Field;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import vn.speedwatch.jobs.records.EnrichedMeasurement;
import vn.speedwatch.jobs.records.ParsedEvent;
import vn.speedwatch.model.AreaRegistry;
import vn.speedwatch.model.MeasurementEvent;
import vn.speedwatch.model.Operator;
import vn.speedwatch.model.QcvnThresholds;
import vn.speedwatch.model.ValidationLimits;

class EnricherTest {

    static final Enricher ENRICHER = new Enricher(AreaRegistry.loadSample(), QcvnThresholds.load());
    static final EventDecoder DECODER = new EventDecoder(ValidationLimits.defaults());

    @Test
    void coordinatesGiveTheTdpAndCoarseCellsButTravelNoFurther() {
        // Inside TDP-01 of the bundled sample (106.64..106.66 E, 20.91..20.93 N).
        MeasurementEvent e =
                locatedAt(
                        measurement(Operator.VIETTEL, null, 85.0, MONDAY_MORNING),
                        20.9201234,
                        106.6509876);
        EnrichedMeasurement m = ENRICHER.enrich(parsed(e));
        assertThat(m.tdpCode).isEqualTo("TDP-01");
        assertThat(m.cellId).isEqualTo("c:20.920:106.650");
        assertThat(m.quadkey).hasSize(17);
        assertThat(Arrays.stream(EnrichedMeasurement.class.getFields()).map(Field::getName))
                .doesNotContain("latitude", "longitude", "accuracyM");
    }

    @Test
    void aPointOutsideEveryTdpIsOutside() {
        MeasurementEvent e =
                locatedAt(measurement(Operator.VIETTEL, null, 85.0, MONDAY_MORNING), 21.5, 105.8);
        assertThat(ENRICHER.enrich(parsed(e)).tdpCode).isEqualTo(AreaRegistry.OUTSIDE);
    }

    @Test
    void aChosenTdpIsKeptWhenItExistsAndUnknownOtherwise() {
        assertThat(
                        ENRICHER.enrich(
                                        parsed(
                                                measurement(
                                                        Operator.VNPT,
                                                        "TDP-02",
                                                        30,
                                                        MONDAY_MORNING)))
                                .tdpCode)
                .isEqualTo("TDP-02");
        assertThat(
                        ENRICHER.enrich(
                                        parsed(
                                                measurement(
                                                        Operator.VNPT,
                                                        "TDP-99",
                                                        30,
                                                        MONDAY_MORNING)))
                                .tdpCode)
                .isEqualTo(Enricher.UNKNOWN_TDP);
    }

    @Test
    void theOperatorIsNormalisedAndTheRawNameKept() {
        EnrichedMeasurement m =
                ENRICHER.enrich(parsed(measurement(Operator.VNPT, "TDP-02", 30, MONDAY_MORNING)));
        assertThat(m.operator).isEqualTo("VNPT");
        assertThat(m.operatorRaw).isEqualTo(Operator.VNPT.displayName());
    }

    @Test
    void eachSampleIsJudgedAgainstQcvn() {
        EnrichedMeasurement slow =
                ENRICHER.enrich(
                        parsed(measurement(Operator.VIETTEL, "TDP-02", 0.5, MONDAY_MORNING)));
        EnrichedMeasurement fast =
                ENRICHER.enrich(
                        parsed(measurement(Operator.VIETTEL, "TDP-02", 400, MONDAY_MORNING)));
        assertThat(slow.qcvnPass).isFalse();
        assertThat(fast.qcvnPass).isTrue();
    }

    static ParsedEvent parsed(MeasurementEvent e) {
        return DECODER.decode(record(e), e.receivedAt().toEpochMilli()).event();
    }
}
