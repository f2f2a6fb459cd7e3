package vn.speedwatch.model;

import java.util.Objects;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;

/**
 * One tổ dân phố (TDP, residential group) of the ward: its code, Vietnamese name, boundary and the
 * few facts reports need. Instances come from {@link AreaRegistry}, which has validated them.
 *
 * @param code the stable code measurements and aggregates carry, e.g. {@code TDP-07}
 * @param name the Vietnamese name as officials write it, e.g. "Tổ dân phố Phù Ninh 2"
 * @param ward the ward (phường) the TDP belongs to
 * @param population residents, or null when the boundary file does not say
 * @param culturalHouse the nhà văn hoá (cultural house) point, or null when not given
 * @param geometry the boundary, a Polygon or MultiPolygon in WGS84 (x = longitude, y = latitude)
 * @param geoJson the boundary as a GeoJSON geometry object, for storage and map drawing
 */
public record Area(
        String code,
        String name,
        String ward,
        Integer population,
        Point culturalHouse,
        Geometry geometry,
        String geoJson) {

    /** Code, name, ward and geometry are required; a missing {@code geoJson} is derived. */
    public Area {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(ward, "ward");
        Objects.requireNonNull(geometry, "geometry");
        if (geoJson == null) {
            geoJson = AreaGeoJson.write(geometry);
        }
    }

    /** Latitude of the cultural house, or null; the warehouse keeps lat and lon in two columns. */
    public Double culturalHouseLat() {
        return culturalHouse == null ? null : culturalHouse.getY();
    }

    /** Longitude of the cultural house, or null. */
    public Double culturalHouseLon() {
        return culturalHouse == null ? null : culturalHouse.getX();
    }

    @Override
    public String toString() {
        // The geometry can be megabytes; logs only need to know which TDP this is.
        return "Area[" + code + " " + name + ", " + ward + "]";
    }
}
