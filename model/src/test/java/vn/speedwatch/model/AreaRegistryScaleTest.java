package vn.speedwatch.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** A ward has a dozen TDPs; this checks the index keeps a 10,000-area registry just as fast. */
class AreaRegistryScaleTest {

    private static final double CELL = 0.001;
    private static final double LAT0 = 20.91;
    private static final double LON0 = 106.64;
    private static final int LOOKUPS = 10_000;

    @Test
    void tenThousandAreasLocateCorrectlyAndAsFastAsAHundred() {
        long start = System.nanoTime();
        AreaRegistry big = AreaRegistry.parse(grid(100), "grid-10k");
        long loadMillis = (System.nanoTime() - start) / 1_000_000;
        AreaRegistry small = AreaRegistry.parse(grid(10), "grid-100");
        assertThat(big.areas()).hasSize(10_000);
        assertThat(loadMillis).as("load with validation and overlap check, ms").isLessThan(30_000);

        long smallNanos = Long.MAX_VALUE;
        long bigNanos = Long.MAX_VALUE;
        for (int round = 0; round < 3; round++) { // the first round warms the JIT up
            smallNanos = Math.min(smallNanos, timedLookups(small, 10, round));
            bigNanos = Math.min(bigNanos, timedLookups(big, 100, round));
        }
        assertThat(big.locate(LAT0 - CELL, LON0)).isEqualTo(AreaRegistry.OUTSIDE);
        // A linear scan would make the 100× larger registry ~100× slower; the index keeps it flat.
        assertThat(bigNanos / 1_000_000)
                .as(
                        "ms for %d lookups among 10,000 areas (100 areas: %d ms)",
                        LOOKUPS, smallNanos / 1_000_000)
                .isLessThan(Math.max(10 * smallNanos / 1_000_000, 200));
    }

    /** Nanoseconds for {@link #LOOKUPS} random lookups, each checked against the expected code. */
    private static long timedLookups(AreaRegistry registry, int side, int seed) {
        Random random = new Random(seed);
        long start = System.nanoTime();
        for (int i = 0; i < LOOKUPS; i++) {
            int row = random.nextInt(side);
            int col = random.nextInt(side);
            // 10 % of a cell away from edges, so the expected code is unambiguous.
            double lat = LAT0 + (row + 0.1 + 0.8 * random.nextDouble()) * CELL;
            double lon = LON0 + (col + 0.1 + 0.8 * random.nextDouble()) * CELL;
            String code = registry.locate(lat, lon);
            if (!code.equals(code(row, col))) {
                throw new AssertionError(lat + ", " + lon + " gave " + code);
            }
        }
        return System.nanoTime() - start;
    }

    private static String grid(int side) {
        StringBuilder sb = new StringBuilder("{\"type\": \"FeatureCollection\", \"features\": [");
        for (int row = 0; row < side; row++) {
            for (int col = 0; col < side; col++) {
                // Corners from grid indices, so neighbours share exactly the same vertices.
                double south = LAT0 + row * CELL;
                double north = LAT0 + (row + 1) * CELL;
                double west = LON0 + col * CELL;
                double east = LON0 + (col + 1) * CELL;
                String ring =
                        AreaFixtures.ring(
                                west, south, east, south, east, north, west, north, west, south);
                sb.append(row + col == 0 ? "" : ",")
                        .append(AreaFixtures.feature(code(row, col), AreaFixtures.polygon(ring)));
            }
        }
        return sb.append("]}").toString();
    }

    private static String code(int row, int col) {
        return String.format(Locale.ROOT, "G-%02d-%02d", row, col);
    }
}
