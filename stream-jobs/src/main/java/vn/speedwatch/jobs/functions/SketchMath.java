package vn.speedwatch.jobs.functions;

import com.datadoghq.sketch.ddsketch.DDSketch;
import com.datadoghq.sketch.ddsketch.store.CollapsingLowestDenseStore;
import com.datadoghq.sketch.ddsketch.store.Store;
import vn.speedwatch.model.QualitySketch;

/**
 * Removes one value from a DDSketch, which the library itself does not offer: an erased measurement
 * must leave the sketches exactly as if it had never been added. A DDSketch is a histogram of
 * counts per logarithmic bin, so removing is decrementing the value's bin; the bin's quantile
 * guarantee is unaffected.
 */
final class SketchMath {

    private SketchMath() {}

    /** The sketch without one occurrence of {@code value}; the input is not changed. */
    static DDSketch remove(DDSketch sketch, double value) {
        if (sketch.isEmpty()) {
            return sketch;
        }
        double zeros =
                sketch.getCount()
                        - sketch.getPositiveValueStore().getTotalCount()
                        - sketch.getNegativeValueStore().getTotalCount();
        Store positive = sketch.getPositiveValueStore();
        if (value > sketch.getIndexMapping().minIndexableValue()) {
            // Stores refuse negative counts, so the value's bin is copied one lower.
            positive = without(positive, sketch.getIndexMapping().index(value));
        } else if (zeros >= 1) {
            zeros -= 1; // zero (and tiny values) live in the zero count
        }
        return DDSketch.of(
                sketch.getIndexMapping(), sketch.getNegativeValueStore().copy(), positive, zeros);
    }

    private static Store without(Store store, int index) {
        Store copy = new CollapsingLowestDenseStore(QualitySketch.MAX_BINS);
        store.forEach(
                (i, count) -> {
                    double c = i == index ? count - 1 : count;
                    if (c > 0) {
                        copy.add(i, c);
                    }
                });
        return copy;
    }

    /** The sketch's value at {@code q}, or null when it is empty (stored as SQL NULL). */
    static Double quantileOrNull(DDSketch sketch, double q) {
        if (sketch.getCount() < 0.5) {
            return null;
        }
        double v = QualitySketch.quantile(sketch, q);
        return Double.isNaN(v) ? null : v;
    }
}
