package vn.speedwatch.model;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.speedwatch.model.AreaFixtures.collection;
import static vn.speedwatch.model.AreaFixtures.feature;
import static vn.speedwatch.model.AreaFixtures.polygon;
import static vn.speedwatch.model.AreaFixtures.square;
import static vn.speedwatch.model.AreaFixtures.squareFeature;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AreaRegistryTest {

    private static final AreaRegistry SAMPLE = AreaRegistry.loadSample();

    @Test
    void sampleHasTwelveNamedTdpsMarkedSynthetic() throws Exception {
        assertThat(SAMPLE.synthetic()).isTrue();
        assertThat(SAMPLE.areas())
                .extracting(Area::code)
                .containsExactly(
                        IntStream.rangeClosed(1, 12)
                                .mapToObj(i -> String.format("TDP-%02d", i))
                                .toArray(String[]::new));
        Area tdp9 = SAMPLE.find("TDP-09").orElseThrow();
        assertThat(tdp9.name()).isEqualTo("Tổ dân phố Phù Ninh 2");
        assertThat(tdp9.ward()).isEqualTo("Phường Thủy Nguyên");
        assertThat(tdp9.population()).isEqualTo(2960);
        String raw =
                new String(
                        AreaRegistry.class
                                .getResourceAsStream(AreaRegistry.SAMPLE_RESOURCE)
                                .readAllBytes(),
                        StandardCharsets.UTF_8);
        JsonNode top = Json.mapper().readTree(raw);
        assertThat(top.get("name").asText()).contains("SYNTHETIC");
        assertThat(top.get("description").asText()).contains("Synthetic sample, NOT official");
    }

    @Test
    void everySampleCulturalHouseLiesInItsOwnTdp() {
        for (Area area : SAMPLE.areas()) {
            assertThat(SAMPLE.locate(area.culturalHouseLat(), area.culturalHouseLon()))
                    .as(area.code())
                    .isEqualTo(area.code());
            assertThat(area.population()).as(area.code()).isBetween(500, 5000);
        }
    }

    @Test
    void locatesPointsInsideTdps() {
        assertThat(SAMPLE.locate(20.92, 106.65)).isEqualTo("TDP-01");
        assertThat(SAMPLE.locate(20.94, 106.71)).isEqualTo("TDP-08");
        assertThat(SAMPLE.locate(20.96, 106.67)).isEqualTo("TDP-09");
        assertThat(SAMPLE.areaAt(20.96, 106.69).map(Area::name)).hasValue("Tổ dân phố Trịnh Xá");
    }

    @Test
    void pointsBeyondTheWardAreOutside() {
        assertThat(SAMPLE.locate(20.90, 106.65)).isEqualTo(AreaRegistry.OUTSIDE);
        assertThat(SAMPLE.locate(21.03, 105.85)).isEqualTo(AreaRegistry.OUTSIDE); // Hà Nội
        assertThat(SAMPLE.locate(Double.NaN, 106.65)).isEqualTo(AreaRegistry.OUTSIDE);
        assertThat(SAMPLE.locate(106.65, 20.92)).isEqualTo(AreaRegistry.OUTSIDE); // swapped
    }

    @Test
    void sharedEdgesGoToTheLowestCodeEveryTime() {
        // Reversed file order builds a different tree: the answer must not depend on it.
        String reversed =
                collection(
                        squareFeature("TDP-B", 106.66, 20.91, 0.02),
                        squareFeature("TDP-A", 106.64, 20.91, 0.02));
        AreaRegistry registry = AreaRegistry.parse(reversed, "reversed");
        for (int i = 0; i < 100; i++) {
            assertThat(registry.locate(20.92, 106.66)).isEqualTo("TDP-A");
            assertThat(SAMPLE.locate(20.92, 106.66)).isEqualTo("TDP-01"); // 01 | 02 edge
            assertThat(SAMPLE.locate(20.93, 106.66)).isEqualTo("TDP-01"); // 01, 02, 05, 06 corner
            assertThat(SAMPLE.locate(20.95, 106.70)).isEqualTo("TDP-07"); // 07, 08, 10, 11
        }
        assertThat(registry.locate(20.92, 106.6601)).isEqualTo("TDP-B");
    }

    @Test
    void holesBelongToWhateverFillsThem() {
        // TDP-12 fills the hole of TDP-06; the hole of TDP-07 is a lake that no TDP covers.
        assertThat(SAMPLE.locate(20.940, 106.670)).isEqualTo("TDP-12");
        assertThat(SAMPLE.locate(20.940, 106.690)).isEqualTo(AreaRegistry.OUTSIDE);
        assertThat(SAMPLE.locate(20.932, 106.670)).isEqualTo("TDP-06");
        assertThat(SAMPLE.locate(20.935, 106.670)).isEqualTo("TDP-06"); // hole edge: 06 < 12
        Area tdp6 = SAMPLE.find("TDP-06").orElseThrow();
        assertThat(tdp6.geometry().getGeometryType()).isEqualTo("Polygon");
        assertThat(((org.locationtech.jts.geom.Polygon) tdp6.geometry()).getNumInteriorRing())
                .isEqualTo(1);
    }

    @Test
    void multiPolygonPartsAllBelongToTheirTdp() {
        assertThat(SAMPLE.find("TDP-04").orElseThrow().geometry().getGeometryType())
                .isEqualTo("MultiPolygon");
        assertThat(SAMPLE.locate(20.92, 106.71)).isEqualTo("TDP-04");
        assertThat(SAMPLE.locate(20.9165, 106.724)).isEqualTo("TDP-04"); // the islet
        assertThat(SAMPLE.locate(20.9165, 106.721)).isEqualTo(AreaRegistry.OUTSIDE);

        String json =
                collection(
                        feature(
                                "ISLANDS",
                                "{\"type\": \"MultiPolygon\","
                                        + " \"coordinates\": [["
                                        + square(106.0, 20.0, 0.01)
                                        + "], ["
                                        + square(106.1, 20.0, 0.01)
                                        + "]]}"));
        AreaRegistry islands = AreaRegistry.parse(json, "islands");
        assertThat(islands.locate(20.005, 106.105)).isEqualTo("ISLANDS");
        assertThat(islands.locate(20.005, 106.05)).isEqualTo(AreaRegistry.OUTSIDE);
    }

    @Test
    void areaCarriesGeoJsonForStorageAndMaps() throws Exception {
        Area tdp6 = SAMPLE.find("TDP-06").orElseThrow();
        JsonNode geometry = Json.mapper().readTree(tdp6.geoJson());
        assertThat(geometry.get("type").asText()).isEqualTo("Polygon");
        assertThat(geometry.get("coordinates")).hasSize(2);
        assertThat(geometry.at("/coordinates/0/0/0").asDouble()).isEqualTo(106.66);
        assertThat(geometry.at("/coordinates/0/0/1").asDouble()).isEqualTo(20.93);
        // What is stored must load back into the same registry answers.
        AreaRegistry again = AreaRegistry.parse(collection(feature("X", tdp6.geoJson())), "again");
        assertThat(again.find("X").orElseThrow().geometry().equalsExact(tdp6.geometry())).isTrue();
        assertThat(tdp6.culturalHouseLat()).isEqualTo(20.948);
        assertThat(tdp6.culturalHouseLon()).isEqualTo(106.662);
    }

    @Test
    void anAreaBuiltInCodeDerivesItsGeoJson() {
        Area tdp1 = SAMPLE.find("TDP-01").orElseThrow();
        Area copy = new Area("TDP-01", tdp1.name(), tdp1.ward(), null, null, tdp1.geometry(), null);
        assertThat(copy.geoJson())
                .isEqualTo(tdp1.geoJson())
                .startsWith("{\"type\":\"Polygon\",\"coordinates\":[[[106.64,20.91],");
        assertThat(copy.culturalHouseLat()).isNull();
        assertThat(copy.toString()).isEqualTo("Area[TDP-01 Tổ dân phố Số 1, Phường Thủy Nguyên]");
    }

    @Test
    void findsByExactCode() {
        assertThat(SAMPLE.find("TDP-07")).isPresent();
        assertThat(SAMPLE.find("TDP-99")).isEmpty();
        assertThat(SAMPLE.find(null)).isEmpty();
    }

    @Test
    void loadsAFileFromDisk(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("tdp.geojson");
        Files.writeString(
                file,
                collection(
                        squareFeature("TDP-01", 106.64, 20.91, 0.02),
                        feature("TDP-02", polygon(square(106.66, 20.91, 0.02)))));
        AreaRegistry registry = AreaRegistry.load(file);
        assertThat(registry.areas()).hasSize(2);
        assertThat(registry.synthetic()).isFalse();
        assertThat(registry.sourceName()).isEqualTo(file.toString());
        assertThat(registry.locate(20.92, 106.67)).isEqualTo("TDP-02");
    }
}
