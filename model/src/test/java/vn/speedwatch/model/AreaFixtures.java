package vn.speedwatch.model;

import java.util.Locale;

/** Small GeoJSON builders so boundary tests read like the files officials write. */
final class AreaFixtures {

    static final String WARD = "Phường Thủy Nguyên";

    private AreaFixtures() {}

    /** A FeatureCollection of the given feature texts. */
    static String collection(String... features) {
        return "{\"type\": \"FeatureCollection\", \"features\": ["
                + String.join(",", features)
                + "]}";
    }

    /** A TDP feature with the given code and geometry text. */
    static String feature(String code, String geometry) {
        return featureWith(code, "", geometry);
    }

    /** A TDP feature with extra properties ({@code "population": 12, } with a trailing comma). */
    static String featureWith(String code, String extraProperties, String geometry) {
        return "{\"type\": \"Feature\", \"properties\": {"
                + extraProperties
                + "\"code\": \""
                + code
                + "\", \"name\": \"Tổ dân phố "
                + code
                + "\", \"ward\": \""
                + WARD
                + "\"}, \"geometry\": "
                + geometry
                + "}";
    }

    /** A square TDP whose south-west corner is (lon, lat). */
    static String squareFeature(String code, double lon, double lat, double size) {
        return feature(code, polygon(square(lon, lat, size)));
    }

    /** A Polygon geometry of the given rings. */
    static String polygon(String... rings) {
        return "{\"type\": \"Polygon\", \"coordinates\": [" + String.join(",", rings) + "]}";
    }

    /** A closed counter-clockwise square ring. */
    static String square(double lon, double lat, double size) {
        return ring(lon, lat, lon + size, lat, lon + size, lat + size, lon, lat + size, lon, lat);
    }

    /** A ring of lon, lat pairs, written as given (closing it is the caller's business). */
    static String ring(double... lonLat) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < lonLat.length; i += 2) {
            sb.append(i == 0 ? "" : ",")
                    .append(String.format(Locale.ROOT, "[%s, %s]", lonLat[i], lonLat[i + 1]));
        }
        return sb.append("]").toString();
    }
}
