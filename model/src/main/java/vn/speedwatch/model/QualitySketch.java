package vn.speedwatch.model;

import com.datadoghq.sketch.ddsketch.DDSketch;
import com.datadoghq.sketch.ddsketch.DDSketches;
import com.datadoghq.sketch.ddsketch.encoding.ByteArrayInput;
import com.datadoghq.sketch.ddsketch.encoding.GrowingByteArrayOutput;
import com.datadoghq.sketch.ddsketch.mapping.IndexMapping;
import com.datadoghq.sketch.ddsketch.store.CollapsingLowestDenseStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;

/**
 * The one place that creates, serializes and merges the percentile sketches of speeds (Mbps) and
 * latencies (ms). Every sketch has the same 1 % relative accuracy and index mapping, so hourly
 * sketches merge into days and months exactly; the bytes are DDSketch's own encoding, readable by
 * any DDSketch library.
 */
public final class QualitySketch {

    /** Quantiles are within 1 % of a value that was really observed. */
    public static final double RELATIVE_ACCURACY = 0.01;

    /**
     * Bins per store. With 1 % accuracy 2,048 bins span about 18 orders of magnitude, far more than
     * 0.001 Mbps..100 Gbps; if ever exceeded, the lowest values are merged first, so the
     * percentiles that matter (median, p10 of a slow line) stay exact.
     */
    public static final int MAX_BINS = 2048;

    private static final IndexMapping MAPPING = create().getIndexMapping();

    private QualitySketch() {}

    /** An empty sketch. */
    public static DDSketch create() {
        return DDSketches.collapsingLowestDense(RELATIVE_ACCURACY, MAX_BINS);
    }

    /**
     * Adds one observation; zero is a value (a dead line), negatives and non-finite are refused.
     *
     * @throws IllegalArgumentException for a negative, NaN or infinite value
     */
    public static void add(DDSketch sketch, double value) {
        if (!Double.isFinite(value) || value < 0) {
            throw new IllegalArgumentException("sketch values must be finite and >= 0: " + value);
        }
        sketch.accept(value);
    }

    /** The sketch in DDSketch's binary encoding, index mapping included. */
    public static byte[] toBytes(DDSketch sketch) {
        GrowingByteArrayOutput out = GrowingByteArrayOutput.withDefaultInitialCapacity();
        try {
            sketch.encode(out, false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode sketch in memory", e);
        }
        return out.trimmedCopy();
    }

    /**
     * The sketch {@link #toBytes} wrote.
     *
     * @throws IllegalArgumentException when the bytes are not a sketch of this kind
     */
    public static DDSketch fromBytes(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            throw new IllegalArgumentException("sketch bytes are empty");
        }
        DDSketch sketch;
        try {
            sketch =
                    DDSketch.decode(
                            ByteArrayInput.wrap(bytes),
                            () -> new CollapsingLowestDenseStore(MAX_BINS));
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("malformed sketch bytes: " + e.getMessage(), e);
        }
        if (!MAPPING.equals(sketch.getIndexMapping())) {
            // A sketch with another mapping cannot be merged with ours without losing accuracy.
            throw new IllegalArgumentException(
                    "sketch uses another index mapping: " + sketch.getIndexMapping());
        }
        return sketch;
    }

    /** A new sketch holding every value of {@code sketches}; the inputs are not changed. */
    public static DDSketch merge(DDSketch... sketches) {
        return merge(Arrays.asList(sketches));
    }

    /** A new sketch holding every value of {@code sketches}; the inputs are not changed. */
    public static DDSketch merge(List<DDSketch> sketches) {
        DDSketch merged = create();
        sketches.forEach(merged::mergeWith);
        return merged;
    }

    /**
     * The value at quantile {@code q} (0.5 = median), or NaN for an empty sketch, which callers
     * store as SQL NULL.
     *
     * @throws IllegalArgumentException when q is outside 0..1
     */
    public static double quantile(DDSketch sketch, double q) {
        if (!(q >= 0 && q <= 1)) {
            throw new IllegalArgumentException("quantile must be within 0..1: " + q);
        }
        return sketch.isEmpty() ? Double.NaN : sketch.getValueAtQuantile(q);
    }
}
