package vn.speedwatch.model;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;

/**
 * Turns a TDP boundary FeatureCollection into {@link Area}s, collecting every problem (up to a
 * limit) with the feature it belongs to, then failing once with all of them.
 */
final class AreaFileReader {

    /** What a file holds once read: its areas in file order and whether it says it is synthetic. */
    record Result(List<Area> areas, boolean synthetic) {}

    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,31}");
    private static final Set<String> RESERVED = Set.of(AreaRegistry.OUTSIDE, "UNKNOWN");
    private static final int MAX_PROBLEMS = 50;

    private final GeometryFactory factory;
    private final AreaGeoJson geoJson;
    private final List<String> problems = new ArrayList<>();
    private final Map<String, Integer> codes = new HashMap<>();
    private int dropped;

    private AreaFileReader(GeometryFactory factory) {
        this.factory = factory;
        this.geoJson = new AreaGeoJson(factory);
    }

    /** The areas of {@code json}, or an {@link AreaFormatException} listing every problem. */
    static Result read(String json, String source, GeometryFactory factory) {
        AreaFileReader reader = new AreaFileReader(factory);
        Result result = reader.readCollection(json);
        if (reader.dropped > 0) {
            reader.problems.add("… and " + reader.dropped + " more problems");
        }
        if (!reader.problems.isEmpty()) {
            throw new AreaFormatException(source, reader.problems);
        }
        return result;
    }

    private Result readCollection(String json) {
        JsonNode root = parseJson(json);
        if (root == null) {
            return null;
        }
        if (!root.isObject() || !root.path("type").asText("").equals("FeatureCollection")) {
            String type = root.isObject() ? String.valueOf(root.get("type")) : "not an object";
            problem(
                    "not a GeoJSON FeatureCollection: the top level must be an object with"
                            + " \"type\": \"FeatureCollection\" (found "
                            + type
                            + ")");
            return null;
        }
        checkCrs(root.get("crs"));
        JsonNode features = root.get("features");
        if (features == null || !features.isArray() || features.isEmpty()) {
            problem("\"features\" is missing or empty: the file needs one Feature per TDP");
            return null;
        }
        List<Area> areas = new ArrayList<>();
        for (int i = 0; i < features.size(); i++) {
            Area area = readFeature(i + 1, features.get(i));
            if (area != null) {
                areas.add(area);
            }
        }
        return new Result(areas, root.path("synthetic").asBoolean(false));
    }

    private JsonNode parseJson(String json) {
        try {
            JsonNode root = Json.mapper().readTree(json == null ? "" : json);
            if (root == null || root.isMissingNode()) {
                problem("not JSON: the file is empty");
                return null;
            }
            return root;
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where =
                    at == null
                            ? ""
                            : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
            // Jackson's message may embed a "[Source: …; line: 1, column: 9]" location: keep
            // only the position, which is what a person fixing the file needs.
            String message =
                    e.getOriginalMessage()
                            .replaceAll("\\[Source: [^\\]]*?; (line: \\d+, column: \\d+)]", "$1");
            problem("not JSON: " + message + where);
            return null;
        }
    }

    private void checkCrs(JsonNode crs) {
        // RFC 7946 dropped "crs"; older exports still write one, and only WGS 84 lon/lat is valid.
        if (crs == null || crs.isNull()) {
            return;
        }
        String name = crs.path("properties").path("name").asText("");
        if (!name.contains("CRS84") && !name.contains("4326")) {
            problem(
                    "coordinate reference system '"
                            + name
                            + "' is not supported: export the"
                            + " file in WGS 84 (EPSG:4326 / CRS84), longitude first");
        }
    }

    private Area readFeature(int number, JsonNode feature) {
        JsonNode props = feature.path("properties");
        String code = props.path("code").isTextual() ? props.path("code").asText().strip() : null;
        boolean noCode = code == null || code.isEmpty();
        String label = "feature #" + number + " (" + (noCode ? "no code" : code) + ")";
        int before = problems.size() + dropped;
        if (!feature.isObject() || !feature.path("type").asText("").equals("Feature")) {
            problem(label + ": not a GeoJSON Feature (\"type\" must be \"Feature\")");
            return null;
        }
        if (!props.isObject()) {
            problem(label + ": has no \"properties\" object");
            return null;
        }
        checkCode(label, number, code);
        String name = requiredText(label, props, "name");
        String ward = requiredText(label, props, "ward");
        Integer population = population(label, props.get("population"));
        Geometry geometry = geometry(label, feature.get("geometry"));
        Point house = culturalHouse(label, props, geometry);
        if (problems.size() + dropped > before) {
            return null;
        }
        String text = AreaGeoJson.write(geometry);
        return new Area(code, name, ward, population, house, geometry, text);
    }

    private void checkCode(String label, int number, String code) {
        if (code == null || code.isEmpty()) {
            problem(label + ": missing \"code\" (a short text such as \"TDP-07\")");
        } else if (!CODE.matcher(code).matches()) {
            problem(
                    label
                            + ": code '"
                            + code
                            + "' is not allowed: use 1–32 letters, digits,"
                            + " '.', '_' or '-', starting with a letter or digit");
        } else if (RESERVED.contains(code.toUpperCase(Locale.ROOT))) {
            problem(label + ": code '" + code + "' is reserved for points outside every TDP");
        } else {
            Integer first = codes.putIfAbsent(code.toUpperCase(Locale.ROOT), number);
            if (first != null) {
                problem(
                        label
                                + ": duplicate code '"
                                + code
                                + "', already used by feature #"
                                + first);
            }
        }
    }

    private String requiredText(String label, JsonNode props, String key) {
        JsonNode value = props.get(key);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            problem(label + ": missing \"" + key + "\" (non-empty text)");
            return null;
        }
        return value.asText().strip();
    }

    private Integer population(String label, JsonNode value) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.canConvertToExactIntegral() || !value.canConvertToInt() || value.asInt() < 0) {
            problem(label + ": \"population\" must be a whole number ≥ 0, found " + value);
            return null;
        }
        return value.asInt();
    }

    private Geometry geometry(String label, JsonNode node) {
        try {
            return geoJson.read(node);
        } catch (IllegalArgumentException e) {
            problem(label + ": " + e.getMessage());
            return null;
        }
    }

    private Point culturalHouse(String label, JsonNode props, Geometry geometry) {
        JsonNode value = props.get("culturalHouse");
        if (value == null || value.isNull()) {
            if (props.has("culturalHouseLat") || props.has("culturalHouseLon")) {
                problem(
                        label
                                + ": write the cultural house as \"culturalHouse\": [longitude,"
                                + " latitude]; culturalHouseLat/culturalHouseLon are not read");
            }
            return null;
        }
        if (!value.isArray()
                || value.size() != 2
                || !value.get(0).isNumber()
                || !value.get(1).isNumber()) {
            problem(label + ": \"culturalHouse\" must be [longitude, latitude], found " + value);
            return null;
        }
        double lon = value.get(0).doubleValue();
        double lat = value.get(1).doubleValue();
        Point point = factory.createPoint(new Coordinate(lon, lat));
        if (!(Math.abs(lon) <= 180 && Math.abs(lat) <= 90)) {
            problem(
                    label
                            + ": \"culturalHouse\" "
                            + value
                            + " is out of range: [longitude,"
                            + " latitude] in WGS 84 degrees");
        } else if (geometry != null && !geometry.covers(point)) {
            problem(
                    label
                            + ": \"culturalHouse\" "
                            + value
                            + " lies outside the TDP's boundary"
                            + " (swapped longitude and latitude?)");
        }
        return point;
    }

    private void problem(String text) {
        if (problems.size() < MAX_PROBLEMS) {
            problems.add(text);
        } else {
            dropped++;
        }
    }
}
