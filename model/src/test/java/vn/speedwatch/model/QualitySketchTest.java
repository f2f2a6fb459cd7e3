package vn.speedwatch.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.datadoghq.sketch.ddsketch.DDSketch;
import com.datadoghq.sketch.ddsketch.DDSketches;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Percentiles of speeds and latencies: accurate to 1 %, mergeable, and stored as bytes. */
class QualitySketchTest {

    private static final double[] QUANTILES = {0, 0.01, 0.1, 0.25, 0.5, 0.75, 0.9, 0.99, 1};

    private final Random random = new Random(20261127);

    @Test
    void medianOfALognormalSampleIsWithinOnePercent() {
        double[] speeds = lognormal(100_000, Math.log(60), 1.0);
        DDSketch sketch = sketchOf(speeds);
        Arrays.sort(speeds);

        for (double q : new double[] {0.1, 0.5, 0.9}) {
            double exact = speeds[(int) Math.floor(q * (speeds.length - 1))];
            assertThat(QualitySketch.quantile(sketch, q))
                    .as("quantile " + q)
                    .isCloseTo(exact, within(exact * QualitySketch.RELATIVE_ACCURACY));
        }
        assertThat(sketch.getCount()).isEqualTo(100_000);
    }

    @Test
    void acceptsZeroForADeadLine() {
        DDSketch sketch = sketchOf(new double[] {0, 0, 0, 25});

        assertThat(QualitySketch.quantile(sketch, 0.5)).isZero();
        assertThat(QualitySketch.quantile(sketch, 1)).isCloseTo(25, within(0.25));
    }

    @Test
    void refusesNegativeAndNonFiniteValues() {
        DDSketch sketch = QualitySketch.create();

        for (double bad : new double[] {-0.5, Double.NaN, Double.POSITIVE_INFINITY}) {
            assertThatThrownBy(() -> QualitySketch.add(sketch, bad))
                    .isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(sketch.isEmpty()).isTrue();
    }

    @Test
    void mergingTwoHoursEqualsTheSketchOfTheirUnion() {
        double[] morning = lognormal(20_000, Math.log(90), 0.6);
        double[] evening = lognormal(30_000, Math.log(25), 0.9);
        DDSketch a = sketchOf(morning);
        DDSketch b = sketchOf(evening);
        DDSketch union = sketchOf(concat(morning, evening));

        DDSketch merged = QualitySketch.merge(a, b);

        assertThat(merged.getCount()).isEqualTo(union.getCount());
        for (double q : QUANTILES) {
            assertThat(QualitySketch.quantile(merged, q))
                    .as("quantile " + q)
                    .isEqualTo(QualitySketch.quantile(union, q));
        }
        assertThat(a.getCount()).as("inputs are not changed").isEqualTo(20_000);
    }

    @Test
    void bytesRoundTrip() {
        DDSketch sketch = sketchOf(lognormal(5_000, Math.log(12), 0.5));

        byte[] bytes = QualitySketch.toBytes(sketch);
        DDSketch back = QualitySketch.fromBytes(bytes);

        assertThat(back.getCount()).isEqualTo(sketch.getCount());
        for (double q : QUANTILES) {
            assertThat(QualitySketch.quantile(back, q))
                    .isEqualTo(QualitySketch.quantile(sketch, q));
        }
        assertThat(QualitySketch.toBytes(back)).isEqualTo(bytes);
    }

    @Test
    void storedHoursMergeIntoADay() {
        List<double[]> hours =
                List.of(lognormal(500, 3, 1), lognormal(800, 4, 1), lognormal(300, 2, 1));
        List<DDSketch> fromStorage =
                hours.stream()
                        .map(h -> QualitySketch.fromBytes(QualitySketch.toBytes(sketchOf(h))))
                        .toList();

        DDSketch day = QualitySketch.merge(fromStorage);

        DDSketch direct = sketchOf(concat(concat(hours.get(0), hours.get(1)), hours.get(2)));
        assertThat(QualitySketch.quantile(day, 0.5)).isEqualTo(QualitySketch.quantile(direct, 0.5));
    }

    @Test
    void emptySketchSurvivesStorageAndHasNoQuantile() {
        DDSketch back = QualitySketch.fromBytes(QualitySketch.toBytes(QualitySketch.create()));

        assertThat(back.isEmpty()).isTrue();
        assertThat(QualitySketch.quantile(back, 0.5)).isNaN();
        assertThat(QualitySketch.merge().isEmpty()).isTrue();
    }

    @Test
    void refusesQuantilesOutsideZeroToOne() {
        DDSketch sketch = sketchOf(new double[] {1, 2, 3});

        assertThatThrownBy(() -> QualitySketch.quantile(sketch, 1.5))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> QualitySketch.quantile(sketch, Double.NaN))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void keepsTheNumberOfBinsBoundedOverAHugeRange() {
        DDSketch sketch = QualitySketch.create();
        for (int exponent = -300; exponent <= 300; exponent++) {
            for (int i = 1; i <= 50; i++) {
                QualitySketch.add(sketch, i * Math.pow(10, exponent));
            }
        }

        assertThat(
                        sketch.getPositiveValueStore().getMaxIndex()
                                - sketch.getPositiveValueStore().getMinIndex()
                                + 1)
                .isLessThanOrEqualTo(QualitySketch.MAX_BINS);
        assertThat(QualitySketch.quantile(sketch, 1)).isCloseTo(5e301, within(5e299));
    }

    @Test
    void refusesBytesThatAreNotOurSketch() {
        byte[] foreign = QualitySketch.toBytes(DDSketches.logarithmicUnboundedDense(0.05));

        assertThatThrownBy(() -> QualitySketch.fromBytes(new byte[0]))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> QualitySketch.fromBytes(null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> QualitySketch.fromBytes(foreign))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("another index mapping");
        for (int i = 0; i < 200; i++) {
            byte[] garbage = new byte[1 + random.nextInt(40)];
            random.nextBytes(garbage);
            assertThatThrownBy(() -> QualitySketch.fromBytes(garbage))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    private double[] lognormal(int n, double mu, double sigma) {
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = Math.exp(mu + sigma * random.nextGaussian());
        }
        return values;
    }

    private static DDSketch sketchOf(double[] values) {
        DDSketch sketch = QualitySketch.create();
        for (double v : values) {
            QualitySketch.add(sketch, v);
        }
        return sketch;
    }

    private static double[] concat(double[] a, double[] b) {
        double[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
