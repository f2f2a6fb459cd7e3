package vn.speedwatch.launcher.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import vn.speedwatch.launcher.bench.OfferedLoadStep.Sample;
import vn.speedwatch.launcher.bench.SustainedRateSearch.Step;

/** The search for the sustained rate and the backlog figures it decides on, without a system. */
class SustainedRateSearchTest {

    /** A system whose aggregates keep up to {@code capacity}/s and fall behind above it. */
    private static final class ModelSystem implements SustainedRateSearch.Offer {
        private final double capacity;
        private final List<Double> offered = new ArrayList<>();

        ModelSystem(double capacity) {
            this.capacity = capacity;
        }

        @Override
        public Step at(double rate) {
            offered.add(rate);
            double growth = Math.max(0, rate - capacity) / rate;
            return new Step(rate, rate, Math.min(rate, capacity), growth, 2.0, 0);
        }
    }

    @Test
    void doublesUntilTheSystemFallsBehindThenBisects() throws Exception {
        ModelSystem system = new ModelSystem(3_100);
        double sustained = new SustainedRateSearch(system).find(1_000, 3);
        // 1k, 2k keep pace, 4k does not; 3k keeps pace, 3.5k and 3.25k do not.
        assertThat(system.offered)
                .containsExactly(1_000.0, 2_000.0, 4_000.0, 3_000.0, 3_500.0, 3_250.0);
        assertThat(sustained).isEqualTo(3_000.0);
    }

    @Test
    void halvesWhenTheFirstRateIsAlreadyTooHigh() throws Exception {
        ModelSystem system = new ModelSystem(700);
        double sustained = new SustainedRateSearch(system).find(2_000, 1);
        assertThat(system.offered).containsExactly(2_000.0, 1_000.0, 500.0, 1_000.0, 750.0);
        assertThat(sustained).isEqualTo(500.0);
    }

    @Test
    void aStepWhoseTestsTheCollectorDidNotAcceptDoesNotKeepPace() {
        assertThat(new Step(4_000, 2_600, 2_600, 0.0, 2.0, 0).keepsPace()).isFalse();
        assertThat(new Step(4_000, 4_000, 4_000, 0.0, 2.0, 1).keepsPace()).isFalse();
        assertThat(new Step(4_000, 3_900, 3_900, 0.02, 2.0, 0).keepsPace()).isTrue();
    }

    @Test
    void failsWhenNotEvenTheLowestRateKeepsPace() {
        assertThatThrownBy(() -> new SustainedRateSearch(new ModelSystem(10)).find(400, 2))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("did not keep pace");
    }

    @Test
    void printsEveryStepInOrder() throws Exception {
        SustainedRateSearch search = new SustainedRateSearch(new ModelSystem(1_500));
        search.find(1_000, 0);
        assertThat(search.table()).hasSize(2 + 2);
        assertThat(search.table().get(2)).startsWith("| 1,000 |").endsWith("| yes |");
        assertThat(search.table().get(3)).startsWith("| 2,000 |").endsWith("| no |");
    }

    @Test
    void aBacklogThatOnlySawToothsDoesNotGrow() {
        // 1,000/s accepted; the aggregates catch up in steps every 2 s, 3 s behind.
        List<Sample> samples =
                IntStream.range(0, 150)
                        .mapToObj(
                                i -> {
                                    double t = i * 0.2;
                                    long accepted = Math.round(1_000 * t);
                                    long aggregated =
                                            Math.max(
                                                    0,
                                                    Math.round(
                                                            1_000 * (2 * Math.floor(t / 2) - 1)));
                                    return new Sample(t, accepted, aggregated);
                                })
                        .toList();
        double growth = OfferedLoadStep.backlogGrowth(samples, 10);
        assertThat(Math.abs(growth) / 1_000).isLessThan(SustainedRateSearch.MAX_GROWTH_SHARE);
        assertThat(OfferedLoadStep.aggregatedRate(samples, 10)).isBetween(900.0, 1_100.0);
    }

    @Test
    void aBacklogGrowingWithTheExcessRateIsMeasuredAsSuch() {
        // 1,000/s accepted, 800/s aggregated: the backlog grows by 200/s.
        List<Sample> samples =
                IntStream.range(0, 150)
                        .mapToObj(
                                i ->
                                        new Sample(
                                                i * 0.2,
                                                Math.round(1_000 * i * 0.2),
                                                Math.round(800 * i * 0.2)))
                        .toList();
        assertThat(OfferedLoadStep.backlogGrowth(samples, 10))
                .isCloseTo(200.0, org.assertj.core.data.Offset.offset(1.0));
        // At 29.8 s, 23,840 are aggregated: accepted by 23.84 s, 6 s earlier.
        assertThat(OfferedLoadStep.lagSeconds(samples))
                .isCloseTo(6.0, org.assertj.core.data.Offset.offset(0.3));
    }
}
