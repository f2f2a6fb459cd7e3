package vn.speedwatch.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.speedwatch.model.AreaFixtures.collection;
import static vn.speedwatch.model.AreaFixtures.feature;
import static vn.speedwatch.model.AreaFixtures.featureWith;
import static vn.speedwatch.model.AreaFixtures.polygon;
import static vn.speedwatch.model.AreaFixtures.ring;
import static vn.speedwatch.model.AreaFixtures.square;
import static vn.speedwatch.model.AreaFixtures.squareFeature;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What an official sees when the boundary file they supply is wrong. */
class AreaFileErrorsTest {

    private static final String GOOD = squareFeature("TDP-01", 106.64, 20.91, 0.02);

    @Test
    void rejectsTextThatIsNotJson() {
        assertThat(problems("{\"type\": \"FeatureCollection\", \"features\": [}"))
                .singleElement()
                .asString()
                .startsWith("not JSON: ")
                .endsWith("(line 1, column 44)")
                .doesNotContain("Source");
        assertThat(problems("")).containsExactly("not JSON: the file is empty");
    }

    @Test
    void rejectsJsonThatIsNotAFeatureCollection() {
        assertThat(problems(GOOD))
                .singleElement()
                .asString()
                .contains("not a GeoJSON FeatureCollection")
                .contains("\"Feature\"");
        assertThat(problems("[1, 2]"))
                .singleElement()
                .asString()
                .contains("not a GeoJSON FeatureCollection");
        assertThat(problems("{\"type\": \"FeatureCollection\", \"features\": []}"))
                .singleElement()
                .asString()
                .contains("\"features\" is missing or empty");
    }

    @Test
    void namesTheFeatureWithoutACode() {
        String noCode =
                "{\"type\": \"Feature\", \"properties\": {\"name\": \"Tổ dân phố Số 2\","
                        + " \"ward\": \"Phường Thủy Nguyên\"}, \"geometry\": "
                        + polygon(square(106.66, 20.91, 0.02))
                        + "}";
        assertThat(problems(collection(GOOD, noCode)))
                .containsExactly(
                        "feature #2 (no code): missing \"code\" (a short text such as"
                                + " \"TDP-07\")");
    }

    @Test
    void rejectsDuplicateCodesNamingBothFeatures() {
        assertThat(
                        problems(
                                collection(
                                        GOOD,
                                        squareFeature("TDP-02", 106.66, 20.91, 0.02),
                                        squareFeature("tdp-01", 106.68, 20.91, 0.02))))
                .containsExactly(
                        "feature #3 (tdp-01): duplicate code 'tdp-01', already used by"
                                + " feature #1");
    }

    @Test
    void rejectsReservedAndOddCodes() {
        assertThat(
                        problems(
                                collection(
                                        squareFeature("OUTSIDE", 106.64, 20.91, 0.01),
                                        squareFeature("TDP 2", 106.66, 20.91, 0.01))))
                .satisfiesExactly(
                        p -> assertThat(p).contains("feature #1 (OUTSIDE)").contains("reserved"),
                        p -> assertThat(p).contains("feature #2 (TDP 2)").contains("not allowed"));
    }

    @Test
    void rejectsAnUnclosedRing() {
        String open =
                ring(106.64, 20.91, 106.66, 20.91, 106.66, 20.93, 106.64, 20.93, 106.64, 20.92);
        assertThat(problems(collection(feature("TDP-05", polygon(open)))))
                .containsExactly(
                        "feature #1 (TDP-05): outer ring is not closed: the first"
                                + " position [106.64,20.91] differs from the last [106.64,20.92]");
    }

    @Test
    void rejectsASelfIntersectingPolygon() {
        String bowTie =
                ring(106.64, 20.91, 106.66, 20.93, 106.66, 20.91, 106.64, 20.93, 106.64, 20.91);
        assertThat(problems(collection(feature("TDP-03", polygon(bowTie)))))
                .singleElement()
                .asString()
                .startsWith(
                        "feature #1 (TDP-03): polygon is invalid: Self-intersection at"
                                + " [106.65,")
                .endsWith("(edges cross each other: check the order of the positions)");
    }

    @Test
    void rejectsCoordinatesOutOfRangeAsSwappedLatLon() {
        String swapped = ring(20.91, 106.64, 20.93, 106.64, 20.93, 106.66, 20.91, 106.64);
        assertThat(problems(collection(feature("TDP-04", polygon(swapped)))))
                .singleElement()
                .asString()
                .startsWith(
                        "feature #1 (TDP-04): outer ring has coordinates out of range"
                                + " [20.91,106.64]")
                .contains("[longitude, latitude]");
    }

    @Test
    void rejectsGeometriesThatAreNotAreas() {
        String point = "{\"type\": \"Point\", \"coordinates\": [106.65, 20.92]}";
        assertThat(problems(collection(GOOD, feature("TDP-02", point), feature("TDP-03", "null"))))
                .containsExactly(
                        "feature #2 (TDP-02): geometry type 'Point' is not supported: a TDP"
                                + " boundary must be a Polygon or MultiPolygon",
                        "feature #3 (TDP-03): has no geometry");
    }

    @Test
    void rejectsOverlappingTdps() {
        assertThat(problems(collection(GOOD, squareFeature("TDP-02", 106.65, 20.91, 0.02))))
                .singleElement()
                .asString()
                .startsWith("feature #2 (TDP-02) overlaps feature #1 (TDP-01) by about")
                .contains("TDPs must share edges");
    }

    @Test
    void rejectsATdpDrawnInsideAnother() {
        assertThat(problems(collection(GOOD, squareFeature("TDP-09", 106.645, 20.915, 0.005))))
                .singleElement()
                .asString()
                .startsWith("feature #2 (TDP-09) overlaps feature #1 (TDP-01) by about");
    }

    @Test
    void acceptsRoundingSliversAlongASharedEdge() {
        // Digitised twice, the shared edge is off by 1e-9°: about 0.002 m², not an overlap.
        AreaRegistry registry =
                AreaRegistry.parse(
                        collection(GOOD, squareFeature("TDP-02", 106.66 - 1e-9, 20.91, 0.02)),
                        "slivers");
        assertThat(registry.locate(20.92, 106.67)).isEqualTo("TDP-02");
    }

    @Test
    void rejectsBadPopulationsAndCulturalHouses() {
        String box = polygon(square(106.64, 20.91, 0.02));
        String json =
                collection(
                        featureWith("TDP-01", "\"population\": -3, ", box),
                        featureWith("TDP-02", "\"culturalHouse\": [20.92, 106.65], ", box),
                        featureWith("TDP-03", "\"culturalHouse\": [106.70, 20.92], ", box),
                        featureWith("TDP-04", "\"culturalHouseLat\": 20.92, ", box));
        assertThat(problems(json))
                .containsExactly(
                        "feature #1 (TDP-01): \"population\" must be a whole number ≥ 0, found -3",
                        "feature #2 (TDP-02): \"culturalHouse\" [20.92,106.65] is out of range:"
                                + " [longitude, latitude] in WGS 84 degrees",
                        "feature #3 (TDP-03): \"culturalHouse\" [106.7,20.92] lies outside the TDP's"
                                + " boundary (swapped longitude and latitude?)",
                        "feature #4 (TDP-04): write the cultural house as \"culturalHouse\": [longitude,"
                                + " latitude]; culturalHouseLat/culturalHouseLon are not read");
    }

    @Test
    void rejectsAProjectedCoordinateSystem() {
        String json =
                collection(GOOD)
                        .replace(
                                "\"features\"",
                                "\"crs\": {\"type\": \"name\","
                                        + " \"properties\": {\"name\": \"urn:ogc:def:crs:EPSG::3405\"}}, \"features\"");
        assertThat(problems(json))
                .singleElement()
                .asString()
                .startsWith("coordinate reference system 'urn:ogc:def:crs:EPSG::3405' is not");
    }

    @Test
    void listsEveryProblemOfTheFileInOneMessage() {
        String json =
                collection(
                        GOOD,
                        squareFeature("TDP-01", 106.66, 20.91, 0.02),
                        feature("TDP-03", "{\"type\": \"LineString\", \"coordinates\": []}"));
        assertThatThrownBy(() -> AreaRegistry.parse(json, "phuong.geojson"))
                .isInstanceOf(AreaFormatException.class)
                .hasMessageStartingWith(
                        "TDP boundary file 'phuong.geojson' cannot be used"
                                + " (2 problems):\n  - feature #2 (TDP-01): duplicate code")
                .hasMessageContaining("\n  - feature #3 (TDP-03): geometry type 'LineString'");
    }

    @Test
    void saysWhichFileCannotBeRead(@TempDir Path dir) {
        Path missing = dir.resolve("khong-co.geojson");
        assertThatThrownBy(() -> AreaRegistry.load(missing))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("cannot read TDP boundary file " + missing);
    }

    private static List<String> problems(String json) {
        try {
            AreaRegistry.parse(json, "test.geojson");
        } catch (AreaFormatException e) {
            assertThat(e.sourceName()).isEqualTo("test.geojson");
            return e.problems();
        }
        throw new AssertionError("expected the file to be rejected");
    }
}
