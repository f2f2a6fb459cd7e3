package vn.speedwatch.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;

/**
 * Reads TDP boundaries (GeoJSON Polygon or MultiPolygon, WGS84 [longitude, latitude]) into JTS
 * geometries and writes them back as compact GeoJSON. A bad geometry raises an {@link
 * IllegalArgumentException} whose message says what is wrong and where, for the file's author.
 */
final class AreaGeoJson {

    private final GeometryFactory factory;

    AreaGeoJson(GeometryFactory factory) {
        this.factory = factory;
    }

    /** A valid Polygon or MultiPolygon, or an IllegalArgumentException saying why not. */
    Geometry read(JsonNode node) {
        if (node == null || node.isNull()) {
            throw new IllegalArgumentException("has no geometry");
        }
        String type = node.path("type").asText("");
        JsonNode coordinates = node.get("coordinates");
        Geometry geometry;
        if (type.equals("Polygon")) {
            geometry = polygon(coordinates, "");
        } else if (type.equals("MultiPolygon")) {
            geometry = multiPolygon(coordinates);
        } else {
            throw new IllegalArgumentException(
                    "geometry type '"
                            + type
                            + "' is not supported: a TDP boundary must be a"
                            + " Polygon or MultiPolygon");
        }
        checkValid(geometry);
        return geometry;
    }

    /** The geometry as a GeoJSON geometry object: only "type" and [lon, lat] "coordinates". */
    static String write(Geometry geometry) {
        ObjectNode node = Json.mapper().createObjectNode();
        node.put("type", geometry.getGeometryType());
        ArrayNode coordinates = node.putArray("coordinates");
        if (geometry instanceof Polygon polygon) {
            writePolygon(polygon, coordinates);
        } else if (!(geometry instanceof MultiPolygon)) {
            throw new IllegalArgumentException(
                    "a TDP boundary must be a Polygon or MultiPolygon, not "
                            + geometry.getGeometryType());
        } else {
            for (int i = 0; i < geometry.getNumGeometries(); i++) {
                writePolygon((Polygon) geometry.getGeometryN(i), coordinates.addArray());
            }
        }
        return node.toString();
    }

    private MultiPolygon multiPolygon(JsonNode coordinates) {
        if (coordinates == null || !coordinates.isArray() || coordinates.isEmpty()) {
            throw new IllegalArgumentException("MultiPolygon has no polygons in \"coordinates\"");
        }
        Polygon[] polygons = new Polygon[coordinates.size()];
        for (int i = 0; i < polygons.length; i++) {
            polygons[i] = polygon(coordinates.get(i), "part " + (i + 1) + ": ");
        }
        return factory.createMultiPolygon(polygons);
    }

    private Polygon polygon(JsonNode rings, String where) {
        if (rings == null || !rings.isArray() || rings.isEmpty()) {
            throw new IllegalArgumentException(where + "polygon has no rings in \"coordinates\"");
        }
        LinearRing shell = ring(rings.get(0), where + "outer ring");
        LinearRing[] holes = new LinearRing[rings.size() - 1];
        for (int i = 0; i < holes.length; i++) {
            holes[i] = ring(rings.get(i + 1), where + "hole " + (i + 1));
        }
        return factory.createPolygon(shell, holes);
    }

    private LinearRing ring(JsonNode positions, String where) {
        if (!positions.isArray()) {
            throw new IllegalArgumentException(where + " is not an array of positions");
        }
        Coordinate[] points = new Coordinate[positions.size()];
        for (int i = 0; i < points.length; i++) {
            points[i] = position(positions.get(i), where);
        }
        if (points.length < 4) {
            throw new IllegalArgumentException(
                    where
                            + " has "
                            + points.length
                            + " positions; a closed ring needs at least 4"
                            + " (the last repeats the first)");
        }
        if (!points[0].equals2D(points[points.length - 1])) {
            throw new IllegalArgumentException(
                    where
                            + " is not closed: the first position "
                            + positions.get(0)
                            + " differs from the last "
                            + positions.get(points.length - 1));
        }
        return factory.createLinearRing(points);
    }

    private static Coordinate position(JsonNode p, String where) {
        if (!p.isArray() || p.size() < 2 || !p.get(0).isNumber() || !p.get(1).isNumber()) {
            throw new IllegalArgumentException(
                    where + " has a position that is not [longitude, latitude]: " + p);
        }
        double lon = p.get(0).doubleValue();
        double lat = p.get(1).doubleValue();
        if (!(Math.abs(lon) <= 180 && Math.abs(lat) <= 90)) {
            throw new IllegalArgumentException(
                    where
                            + " has coordinates out of range "
                            + p
                            + ": longitude must be within"
                            + " ±180 and latitude within ±90 (WGS 84 degrees, GeoJSON order"
                            + " [longitude, latitude])");
        }
        return new Coordinate(lon, lat);
    }

    private static void checkValid(Geometry geometry) {
        TopologyValidationError error = new IsValidOp(geometry).getValidationError();
        if (error == null) {
            return;
        }
        Coordinate at = error.getCoordinate();
        String where = at == null ? "" : " at [" + at.x + ", " + at.y + "]";
        String hint =
                error.getErrorType() == TopologyValidationError.SELF_INTERSECTION
                                || error.getErrorType()
                                        == TopologyValidationError.RING_SELF_INTERSECTION
                        ? " (edges cross each other: check the order of the positions)"
                        : "";
        throw new IllegalArgumentException(
                "polygon is invalid: " + error.getMessage() + where + hint);
    }

    private static void writePolygon(Polygon polygon, ArrayNode rings) {
        writeRing(polygon.getExteriorRing().getCoordinates(), rings.addArray());
        for (int i = 0; i < polygon.getNumInteriorRing(); i++) {
            writeRing(polygon.getInteriorRingN(i).getCoordinates(), rings.addArray());
        }
    }

    private static void writeRing(Coordinate[] points, ArrayNode ring) {
        for (Coordinate c : points) {
            ring.addArray().add(c.x).add(c.y);
        }
    }
}
