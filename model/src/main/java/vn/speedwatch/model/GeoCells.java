package vn.speedwatch.model;

import java.math.BigDecimal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Coarse geographic cells: the only location that travels downstream of TDP enrichment, because
 * exact coordinates are sensitive personal data (Decree 13/2023/NĐ-CP). Pure functions; arrays are
 * {@code [lat, lon]} (note: GeoJSON is the other way round).
 *
 * <ul>
 *   <li>Coarse cells snap to a 0.001° × 0.001° grid: about 111 m north–south and 104 m east–west at
 *       20.9°N. The id names the south-west corner: {@code c:20.935:106.662}.
 *   <li>Quadkeys are Bing Maps tile ids (Web Mercator, 256-pixel tiles, digits 0–3 from zoom 1
 *       down). The heatmap uses zoom {@value #HEATMAP_ZOOM}: a tile there spans 360°/2¹⁷ = 0.00275°
 *       of longitude, i.e. 2π·6378137 m / 2¹⁷ × cos 20.9° ≈ 286 m × 286 m at Thủy Nguyên (Mercator
 *       tiles are square on the ground to first order).
 * </ul>
 *
 * <p>Bad arguments (latitudes beyond ±90, malformed ids) raise {@link IllegalArgumentException}
 * with the offending value; callers pass validated measurements.
 */
public final class GeoCells {

    /** The heatmap's quadkey zoom level. */
    public static final int HEATMAP_ZOOM = 17;

    /** Deepest Bing Maps level. */
    public static final int MAX_ZOOM = 23;

    /** Web Mercator stops here so the world is a square. */
    private static final double MAX_MERCATOR_LAT = 85.05112878;

    private static final Pattern CELL_ID =
            Pattern.compile("c:(-?\\d{1,2}\\.\\d{3}):(-?\\d{1,3}\\.\\d{3})");

    private static final Pattern QUADKEY = Pattern.compile("[0-3]{1," + MAX_ZOOM + "}");

    private GeoCells() {}

    /** The ~100 m cell holding the point, e.g. {@code c:20.935:106.662}. */
    public static String coarseCell(double lat, double lon) {
        checkPoint(lat, lon);
        return "c:"
                + BigDecimal.valueOf(milliDegrees(lat), 3).toPlainString()
                + ":"
                + BigDecimal.valueOf(milliDegrees(lon), 3).toPlainString();
    }

    /** The centre {@code [lat, lon]} of a coarse cell id. */
    public static double[] coarseCellCenter(String id) {
        Matcher m = CELL_ID.matcher(id == null ? "" : id);
        double lat = Double.NaN;
        double lon = Double.NaN;
        if (m.matches()) {
            lat = (new BigDecimal(m.group(1)).movePointRight(3).longValue() + 0.5) / 1000;
            lon = (new BigDecimal(m.group(2)).movePointRight(3).longValue() + 0.5) / 1000;
        }
        if (!(Math.abs(lat) <= 90 && Math.abs(lon) <= 180)) {
            throw new IllegalArgumentException(
                    "not a coarse cell id (expected c:LAT:LON, 3 decimals, on Earth): " + id);
        }
        return new double[] {lat, lon};
    }

    /** The Bing quadkey of the tile holding the point at {@code zoom} (1–23). */
    public static String quadkey(double lat, double lon, int zoom) {
        checkPoint(lat, lon);
        if (zoom < 1 || zoom > MAX_ZOOM) {
            throw new IllegalArgumentException("zoom must be 1–" + MAX_ZOOM + ", got " + zoom);
        }
        long size = 1L << zoom;
        double clipped = Math.max(-MAX_MERCATOR_LAT, Math.min(MAX_MERCATOR_LAT, lat));
        double sin = Math.sin(Math.toRadians(clipped));
        double x = (lon + 180) / 360;
        double y = 0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI);
        // The tile that contains the point, so quadkeyBounds(quadkey(p)) always holds p.
        long tileX = Math.min(size - 1, Math.max(0, (long) Math.floor(x * size)));
        long tileY = Math.min(size - 1, Math.max(0, (long) Math.floor(y * size)));
        return toQuadkey(tileX, tileY, zoom);
    }

    /** The centre {@code [lat, lon]} of a tile (the Mercator centre, as maps draw it). */
    public static double[] quadkeyCenter(String quadkey) {
        long[] tile = tile(quadkey);
        double size = 1L << quadkey.length();
        return new double[] {
            mercatorLat((tile[1] + 0.5) / size), (tile[0] + 0.5) / size * 360 - 180
        };
    }

    /** The tile's corners: {@code [[south, west], [north, east]]} in degrees. */
    public static double[][] quadkeyBounds(String quadkey) {
        long[] tile = tile(quadkey);
        double size = 1L << quadkey.length();
        double west = tile[0] / size * 360 - 180;
        double east = (tile[0] + 1) / size * 360 - 180;
        double north = mercatorLat(tile[1] / size);
        double south = mercatorLat((tile[1] + 1) / size);
        return new double[][] {{south, west}, {north, east}};
    }

    /** Tile X and Y of a quadkey (its zoom is its length). */
    static long[] tile(String quadkey) {
        if (quadkey == null || !QUADKEY.matcher(quadkey).matches()) {
            throw new IllegalArgumentException(
                    "not a quadkey (1–" + MAX_ZOOM + " digits 0–3): " + quadkey);
        }
        long x = 0;
        long y = 0;
        for (int i = 0; i < quadkey.length(); i++) {
            int digit = quadkey.charAt(i) - '0';
            x = (x << 1) | (digit & 1);
            y = (y << 1) | (digit >> 1);
        }
        return new long[] {x, y};
    }

    /** Interleaves tile X and Y bits into base-4 digits, most significant first. */
    static String toQuadkey(long tileX, long tileY, int zoom) {
        char[] key = new char[zoom];
        for (int i = 0; i < zoom; i++) {
            long mask = 1L << (zoom - 1 - i);
            int digit = ((tileX & mask) != 0 ? 1 : 0) + ((tileY & mask) != 0 ? 2 : 0);
            key[i] = (char) ('0' + digit);
        }
        return new String(key);
    }

    /** Latitude at a Mercator y measured from the top (0) to the bottom (1) of the world. */
    private static double mercatorLat(double y) {
        return Math.toDegrees(Math.atan(Math.sinh(Math.PI * (1 - 2 * y))));
    }

    /** Thousandths of a degree, rounded down; rounding to micro-degrees first absorbs noise. */
    private static long milliDegrees(double degrees) {
        return Math.floorDiv(Math.round(degrees * 1_000_000), 1000);
    }

    private static void checkPoint(double lat, double lon) {
        if (!(Math.abs(lat) <= 90)) {
            throw new IllegalArgumentException("latitude must be within ±90°, got " + lat);
        }
        if (!(Math.abs(lon) <= 180)) {
            throw new IllegalArgumentException("longitude must be within ±180°, got " + lon);
        }
    }
}
