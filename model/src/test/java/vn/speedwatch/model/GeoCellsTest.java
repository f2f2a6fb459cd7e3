package vn.speedwatch.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class GeoCellsTest {

    private static final double EARTH_RADIUS_M = 6_371_008.8;

    @Test
    void coarseCellSnapsToTheSouthWestThousandth() {
        assertThat(GeoCells.coarseCell(20.93549, 106.66291)).isEqualTo("c:20.935:106.662");
        assertThat(GeoCells.coarseCell(20.935, 106.662)).isEqualTo("c:20.935:106.662");
        assertThat(GeoCells.coarseCell(20.934999, 106.662999)).isEqualTo("c:20.934:106.662");
        assertThat(GeoCells.coarseCell(-0.0004, -0.0004)).isEqualTo("c:-0.001:-0.001");
        assertThat(GeoCells.coarseCell(0.0, 0.0)).isEqualTo("c:0.000:0.000");
    }

    @Test
    void coarseCellCenterIsMidCellAndRoughlyHundredMetresFromItsNeighbour() {
        assertThat(GeoCells.coarseCellCenter("c:20.935:106.662"))
                .containsExactly(new double[] {20.9355, 106.6625}, within(1e-12));
        assertThat(GeoCells.coarseCellCenter("c:-0.001:-0.001"))
                .containsExactly(new double[] {-0.0005, -0.0005}, within(1e-12));
        double[] here = GeoCells.coarseCellCenter("c:20.935:106.662");
        double[] north = GeoCells.coarseCellCenter("c:20.936:106.662");
        double[] east = GeoCells.coarseCellCenter("c:20.935:106.663");
        assertThat(metres(here, north)).isCloseTo(111.2, within(0.5));
        assertThat(metres(here, east)).isCloseTo(103.9, within(0.5));
        for (String bad : new String[] {"20.935:106.662", "c:20.93:106.662", "c:91.000:1.000"}) {
            assertThatThrownBy(() -> GeoCells.coarseCellCenter(bad))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(bad);
        }
    }

    @Test
    void quadkeyMatchesPublishedExamples() {
        // Bing Maps Tile System: tile (3, 5) at level 3 is "213"; (-20, -50) lies in that tile.
        assertThat(GeoCells.quadkey(-50, -20, 3)).isEqualTo("213");
        assertThat(GeoCells.tile("213")).containsExactly(3, 5);
        // quadkeyr (rOpenSci) latlong_to_quadkey example: Shibuya at zoom 20.
        assertThat(GeoCells.quadkey(35.63051, 139.69116, 20)).isEqualTo("13300211230321211111");
        // Level 1 quadrants: 0 north-west, 1 north-east, 2 south-west, 3 south-east.
        assertThat(GeoCells.quadkey(10, -10, 1)).isEqualTo("0");
        assertThat(GeoCells.quadkey(20.94, 106.68, 1)).isEqualTo("1");
        assertThat(GeoCells.quadkey(-10, -10, 1)).isEqualTo("2");
        assertThat(GeoCells.quadkey(-10, 10, 1)).isEqualTo("3");
    }

    @Test
    void heatmapTileAtThuyNguyenIsAbout286MetresSquare() {
        String key = GeoCells.quadkey(20.94, 106.68, GeoCells.HEATMAP_ZOOM);
        assertThat(key).isEqualTo("13221011330113001").hasSize(17);
        assertThat(GeoCells.tile(key)).containsExactly(104377, 57736);
        double[][] bounds = GeoCells.quadkeyBounds(key);
        double[] sw = bounds[0];
        double[] ne = bounds[1];
        double[] nw = {ne[0], sw[1]};
        assertThat(metres(sw, nw)).isCloseTo(285.6, within(1.5));
        assertThat(metres(nw, ne)).isCloseTo(285.6, within(1.5));
    }

    @Test
    void everyPointLiesInItsTileAndTheCentreMapsBack() {
        Random random = new Random(42);
        for (int i = 0; i < 2_000; i++) {
            double lat = 20.91 + random.nextDouble() * 0.06;
            double lon = 106.64 + random.nextDouble() * 0.08;
            String key = GeoCells.quadkey(lat, lon, GeoCells.HEATMAP_ZOOM);
            double[][] bounds = GeoCells.quadkeyBounds(key);
            assertThat(lat).isBetween(bounds[0][0], bounds[1][0]);
            assertThat(lon).isBetween(bounds[0][1], bounds[1][1]);
            double[] centre = GeoCells.quadkeyCenter(key);
            assertThat(GeoCells.quadkey(centre[0], centre[1], GeoCells.HEATMAP_ZOOM))
                    .isEqualTo(key);
            assertThat(key).startsWith(GeoCells.quadkey(lat, lon, 12));
        }
    }

    @Test
    void polesAndAntimeridianStayOnTheMap() {
        assertThat(GeoCells.quadkey(90, 180, 2)).isEqualTo("11");
        assertThat(GeoCells.quadkey(-90, -180, 2)).isEqualTo("22");
        assertThat(GeoCells.quadkeyBounds("0")[1][0]).isCloseTo(85.0511, within(1e-4));
    }

    @Test
    void rejectsBadArgumentsWithTheValue() {
        assertThatThrownBy(() -> GeoCells.quadkey(20.9, 106.6, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("got 0");
        assertThatThrownBy(() -> GeoCells.quadkey(120, 106.6, 17))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("got 120");
        assertThatThrownBy(() -> GeoCells.coarseCell(20.9, Double.NaN))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("NaN");
        assertThatThrownBy(() -> GeoCells.quadkeyCenter("214"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("214");
        assertThatThrownBy(() -> GeoCells.quadkeyBounds(""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("quadkey");
    }

    /** Great-circle distance between two [lat, lon] points. */
    private static double metres(double[] a, double[] b) {
        double dLat = Math.toRadians(b[0] - a[0]);
        double dLon = Math.toRadians(b[1] - a[1]);
        double h =
                Math.pow(Math.sin(dLat / 2), 2)
                        + Math.cos(Math.toRadians(a[0]))
                                * Math.cos(Math.toRadians(b[0]))
                                * Math.pow(Math.sin(dLon / 2), 2);
        return 2 * EARTH_RADIUS_M * Math.asin(Math.sqrt(h));
    }
}
