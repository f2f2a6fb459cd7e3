package vn.speedwatch.dashboards;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The datasource and provider files are what Grafana provisions, with no secret in them. */
class ProvisioningFilesTest {

    @Test
    void postgresDatasourceIsTimescaleAwareWithCredentialsFromTheEnvironment() {
        JsonNode pg = datasource("speedwatch-pg");
        assertThat(pg.path("type").asText()).isEqualTo("grafana-postgresql-datasource");
        assertThat(pg.path("jsonData").path("timescaledb").asBoolean()).isTrue();
        assertThat(pg.path("jsonData").path("postgresVersion").asInt())
                .isGreaterThanOrEqualTo(1200);
        assertThat(pg.path("secureJsonData").path("password").asText())
                .matches("\\$\\{SPEEDWATCH_DB_PASSWORD}|\\$__env\\{SPEEDWATCH_DB_PASSWORD}");
        for (String key : List.of("url", "user")) {
            assertThat(pg.path(key).asText()).as(key).contains("${SPEEDWATCH_");
        }
        assertThat(pg.path("jsonData").path("database").asText()).contains("${SPEEDWATCH_");
    }

    @Test
    void prometheusDatasourceHasTheUidTheDashboardsUse() {
        JsonNode prom = datasource("speedwatch-prom");
        assertThat(prom.path("type").asText()).isEqualTo("prometheus");
        assertThat(prom.path("url").asText()).startsWith("${SPEEDWATCH_");
    }

    @Test
    void noLiteralSecretAnywhereInTheProvisioning() throws Exception {
        for (JsonNode file : Provisioning.yamlFiles("datasources")) {
            for (JsonNode ds : file.path("datasources")) {
                for (JsonNode secret : ds.path("secureJsonData")) {
                    assertThat(secret.asText())
                            .as("secureJsonData of %s", ds.path("uid"))
                            .startsWith("$");
                }
                assertThat(ds.has("password")).as("plain password field").isFalse();
                assertThat(ds.has("basicAuthPassword")).isFalse();
            }
        }
    }

    @Test
    void providerLoadsTheJsonFolderFromTheMountedProvisioningDirectory() {
        List<JsonNode> providers = new ArrayList<>();
        Provisioning.yamlFiles("dashboards")
                .forEach(f -> f.path("providers").forEach(providers::add));
        assertThat(providers)
                .singleElement()
                .satisfies(
                        p -> {
                            assertThat(p.path("type").asText()).isEqualTo("file");
                            String path = p.path("options").path("path").asText();
                            assertThat(path).isEqualTo("/etc/grafana/provisioning/dashboards/json");
                            Path local =
                                    Provisioning.root()
                                            .resolve(
                                                    path.substring(
                                                            "/etc/grafana/provisioning/".length()));
                            assertThat(Files.isDirectory(local))
                                    .as("%s exists in the repository", local)
                                    .isTrue();
                        });
    }

    @Test
    void geomapBoundaryLayerPointsAtTheShippedGeoJson() throws Exception {
        Path geojson = Provisioning.root().resolve("maps/thuy-nguyen-tdp.geojson");
        JsonNode fc = Provisioning.JSON.readTree(geojson.toFile());
        assertThat(fc.path("features")).hasSize(12);
        for (Dashboard d : Provisioning.dashboards()) {
            for (JsonNode p : d.panels()) {
                for (JsonNode layer : p.path("options").path("layers")) {
                    if (layer.path("type").asText().equals("geojson")) {
                        assertThat(layer.path("config").path("src").asText())
                                .isEqualTo("public/maps/speedwatch/thuy-nguyen-tdp.geojson");
                    }
                }
            }
        }
    }

    private static JsonNode datasource(String uid) {
        for (JsonNode file : Provisioning.yamlFiles("datasources")) {
            for (JsonNode ds : file.path("datasources")) {
                if (ds.path("uid").asText().equals(uid)) {
                    return ds;
                }
            }
        }
        throw new AssertionError("no provisioned datasource " + uid);
    }
}
