package vn.speedwatch.launcher.bench;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;

/**
 * A GeoJSON of {@code n} made-up rectangular TDPs tiling the sample ward's box (the format of
 * docs/areas.md, marked synthetic), and points that fall inside them, to see what the number of
 * areas costs in memory and in the point-in-polygon lookup.
 */
final class SyntheticAreas {

    static final double SOUTH = 20.91;
    static final double NORTH = 20.97;
    static final double WEST = 106.64;
    static final double EAST = 106.72;

    private SyntheticAreas() {}

    static Path write(int n, Path file) throws IOException {
        int side = (int) Math.ceil(Math.sqrt(n));
        double dLat = (NORTH - SOUTH) / side;
        double dLon = (EAST - WEST) / side;
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write(
                    "{\"type\":\"FeatureCollection\",\"synthetic\":true,"
                            + "\"name\":\"SYNTHETIC benchmark areas\",\"features\":[");
            for (int i = 0; i < n; i++) {
                double s = SOUTH + (i / side) * dLat;
                double west = WEST + (i % side) * dLon;
                double e = west + dLon;
                double north = s + dLat;
                w.write(i == 0 ? "" : ",");
                w.write(
                        String.format(
                                Locale.ROOT,
                                "{\"type\":\"Feature\",\"properties\":"
                                        + "{\"code\":\"TDP-S%05d\",\"name\":\"Tổ dân phố tổng hợp %d (SYNTHETIC)\","
                                        + "\"ward\":\"Phường Thủy Nguyên\",\"population\":1000},"
                                        + "\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[%.7f,%.7f],"
                                        + "[%.7f,%.7f],[%.7f,%.7f],[%.7f,%.7f],[%.7f,%.7f]]]}}",
                                i + 1,
                                i + 1,
                                west,
                                s,
                                e,
                                s,
                                e,
                                north,
                                west,
                                north,
                                west,
                                s));
            }
            w.write("]}");
        }
        return file;
    }

    /** A point somewhere in the box: [latitude, longitude]. */
    static double[] point(Random random) {
        return new double[] {
            SOUTH + random.nextDouble() * (NORTH - SOUTH),
            WEST + random.nextDouble() * (EAST - WEST)
        };
    }
}
