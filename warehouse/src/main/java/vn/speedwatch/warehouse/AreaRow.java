package vn.speedwatch.warehouse;

import static vn.speedwatch.warehouse.Require.finiteOrNull;
import static vn.speedwatch.warehouse.Require.text;

/**
 * One row of {@code areas}: a tổ dân phố with its boundary as a GeoJSON geometry (text, WGS84) and
 * the position of its cultural house, where meetings about complaints take place.
 */
public record AreaRow(
        String code,
        String name,
        String ward,
        Integer population,
        String geometry,
        Double culturalHouseLat,
        Double culturalHouseLon) {

    private static final String T = "areas";

    public AreaRow {
        text(code, T, "code");
        text(name, T, "name");
        text(ward, T, "ward");
        text(geometry, T, "geometry");
        if (population != null && population < 0) {
            throw new IllegalArgumentException(T + ".population must not be negative");
        }
        finiteOrNull(culturalHouseLat, T, "cultural_house_lat");
        finiteOrNull(culturalHouseLon, T, "cultural_house_lon");
    }
}
