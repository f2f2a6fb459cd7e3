package vn.speedwatch.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import vn.speedwatch.model.AreaRegistry;
import vn.speedwatch.model.MeasurementParser;
import vn.speedwatch.model.Operator;
import vn.speedwatch.model.ValidationLimits;

/** The demo month looks like the ward: valid tests, inside their TDP, with realistic shares. */
class DemoMeasurementsTest {

    private static final AreaRegistry AREAS = AreaRegistry.loadSample();
    private static final Instant NOW = Instant.now();

    private final DemoMeasurements demo = new DemoMeasurements(AREAS, 42, 1.0);
    private final List<DemoSample> month = demo.history(NOW.minus(Duration.ofDays(29)), NOW);

    @Test
    void generatesAMonthOfValidTestsInsideTheirTdp() {
        MeasurementParser parser = new MeasurementParser(ValidationLimits.defaults());
        assertThat(month).hasSizeBetween(9_000, 15_000);
        assertThat(month)
                .allSatisfy(
                        s -> {
                            assertThat(parser.validate(s.measurement())).isEmpty();
                            assertThat(
                                            AREAS.locate(
                                                    s.measurement().latitude(),
                                                    s.measurement().longitude()))
                                    .isEqualTo(s.tdpCode());
                            assertThat(s.measurement().consent()).isTrue();
                        });
        assertThat(month)
                .isSortedAccordingTo(
                        (a, b) ->
                                a.measurement()
                                        .measuredAt()
                                        .compareTo(b.measurement().measuredAt()));
    }

    @Test
    void followsTheOperatorsMarketShares() {
        Map<Operator, Long> devices =
                demo.devices().stream()
                        .filter(d -> !d.degraded())
                        .collect(
                                Collectors.groupingBy(DemoDevice::operator, Collectors.counting()));
        double total = devices.values().stream().mapToLong(Long::longValue).sum();
        assertThat(devices.get(Operator.VIETTEL) / total).isCloseTo(0.50, within(0.06));
        assertThat(devices.get(Operator.VNPT) / total).isCloseTo(0.30, within(0.06));
        assertThat(devices.get(Operator.FPT) / total).isCloseTo(0.12, within(0.05));
        assertThat(devices.get(Operator.MOBIFONE) / total).isCloseTo(0.08, within(0.05));
    }

    @Test
    void givesEveryDeviceItsOwnAddress() {
        assertThat(demo.devices()).extracting(DemoDevice::clientIp).doesNotHaveDuplicates();
    }

    @Test
    void slowsVnptFibreInAFewTdpsDuringTheLastDays() {
        assertThat(demo.degradedTdps()).hasSize(3);
        Instant degradedFrom = NOW.minus(DemoMeasurements.DEGRADED_PERIOD);
        Function<Boolean, Double> medianRatio =
                late ->
                        median(
                                month.stream()
                                        .filter(s -> demo.degradedTdps().contains(s.tdpCode()))
                                        .filter(
                                                s ->
                                                        s.measurement().operatorCode()
                                                                == Operator.VNPT)
                                        .filter(s -> s.measurement().accessType().isFixed())
                                        .filter(
                                                s ->
                                                        late
                                                                == !s.measurement()
                                                                        .measuredAt()
                                                                        .toInstant()
                                                                        .isBefore(degradedFrom))
                                        .map(
                                                s ->
                                                        s.measurement().downloadMbps()
                                                                / s.measurement()
                                                                        .planDownloadMbps())
                                        .toList());
        assertThat(medianRatio.apply(true)).isLessThan(medianRatio.apply(false) * 0.5);
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }
}
