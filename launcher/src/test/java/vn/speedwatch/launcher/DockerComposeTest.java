package vn.speedwatch.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * docker-compose.yml checked the way an operator's first {@code docker compose up} would find out,
 * without a Docker engine: images pinned, mounted files present, every {@code SPEEDWATCH_*}
 * variable read by some service, host ports unique, and start order gated on health.
 */
class DockerComposeTest {

    private static Path root;
    private static JsonNode services;

    @BeforeAll
    static void readCompose() throws IOException {
        root = RepoFiles.root();
        JsonNode compose =
                new ObjectMapper(new YAMLFactory())
                        .readTree(root.resolve("docker-compose.yml").toFile());
        services = compose.get("services");
    }

    @Test
    void hasEveryPartOfTheSystem() {
        List<String> names = new ArrayList<>();
        services.fieldNames().forEachRemaining(names::add);
        assertThat(names)
                .contains(
                        "kafka",
                        "timescaledb",
                        "jobmanager",
                        "taskmanager",
                        "collector",
                        "prometheus",
                        "grafana",
                        "migrate");
    }

    @Test
    void pinsEveryImageToAVersion() throws IOException {
        List<String> images = new ArrayList<>();
        services.forEach(s -> images.add(s.path("image").asText()));
        for (String dockerfile :
                List.of("collector/Dockerfile", "stream-jobs/Dockerfile", "launcher/Dockerfile")) {
            Files.readAllLines(root.resolve(dockerfile)).stream()
                    .filter(l -> l.startsWith("FROM "))
                    .forEach(l -> images.add(l.split("\\s+")[1]));
        }
        assertThat(images)
                .isNotEmpty()
                .allSatisfy(
                        image -> {
                            assertThat(image)
                                    .as("image of every service")
                                    .isNotBlank()
                                    .contains(":");
                            String tag = image.substring(image.lastIndexOf(':') + 1);
                            assertThat(tag)
                                    .as(image)
                                    .isNotEqualTo("latest")
                                    .containsPattern("\\d+\\.\\d+");
                        });
    }

    @Test
    void mountsOnlyPathsThatExistInTheRepository() {
        services.forEach(
                s ->
                        s.path("volumes")
                                .forEach(
                                        v -> {
                                            String source = v.asText().split(":")[0];
                                            if (source.startsWith(".")) {
                                                assertThat(root.resolve(source).normalize())
                                                        .as(v.asText())
                                                        .exists();
                                            }
                                        }));
        services.forEach(
                s -> {
                    JsonNode build = s.path("build");
                    if (!build.isMissingNode()) {
                        assertThat(root.resolve(build.path("dockerfile").asText())).exists();
                    }
                });
    }

    @Test
    void passesOnlySettingsTheServicesRead() {
        Set<String> javaKeys = RepoFiles.settingsEnvironment();
        Set<String> grafanaKeys =
                RepoFiles.referencedEnvironment(root.resolve("dashboards/provisioning"));
        assertThat(javaKeys).contains("SPEEDWATCH_DB_URL", "SPEEDWATCH_KAFKA_BOOTSTRAP_SERVERS");
        services.fields()
                .forEachRemaining(
                        service -> {
                            Set<String> read =
                                    service.getKey().equals("grafana") ? grafanaKeys : javaKeys;
                            service.getValue()
                                    .path("environment")
                                    .fieldNames()
                                    .forEachRemaining(
                                            name -> {
                                                if (name.startsWith("SPEEDWATCH_")) {
                                                    assertThat(read)
                                                            .as(service.getKey() + " sets " + name)
                                                            .contains(name);
                                                }
                                            });
                        });
    }

    @Test
    void keepsSecretsOutOfTheFile() {
        services.fields()
                .forEachRemaining(
                        service ->
                                service.getValue()
                                        .path("environment")
                                        .fields()
                                        .forEachRemaining(
                                                e -> {
                                                    if (e.getKey()
                                                            .matches(
                                                                    ".*(PASSWORD|SECRET|API_KEYS).*")) {
                                                        assertThat(e.getValue().asText())
                                                                .as(e.getKey())
                                                                .startsWith("${");
                                                    }
                                                }));
    }

    @Test
    void usesEveryHostPortOnce() {
        Set<String> seen = new HashSet<>();
        services.forEach(
                s ->
                        s.path("ports")
                                .forEach(
                                        p -> {
                                            String[] parts = p.asText().split(":");
                                            String hostPort = parts[parts.length - 2];
                                            assertThat(seen.add(hostPort))
                                                    .as("host port " + hostPort + " used twice")
                                                    .isTrue();
                                        }));
        assertThat(seen).contains("8080", "3000");
    }

    @Test
    void startsServicesOnlyWhenWhatTheyNeedIsHealthy() {
        services.fields()
                .forEachRemaining(
                        service ->
                                service.getValue()
                                        .path("depends_on")
                                        .fields()
                                        .forEachRemaining(
                                                dep -> {
                                                    JsonNode target = services.get(dep.getKey());
                                                    assertThat(target)
                                                            .as(
                                                                    service.getKey()
                                                                            + " depends on "
                                                                            + dep.getKey())
                                                            .isNotNull();
                                                    String condition =
                                                            dep.getValue()
                                                                    .path("condition")
                                                                    .asText();
                                                    String expected =
                                                            target.has("healthcheck")
                                                                    ? "service_healthy"
                                                                    : "service_completed_successfully";
                                                    assertThat(condition)
                                                            .as(
                                                                    service.getKey()
                                                                            + " → "
                                                                            + dep.getKey())
                                                            .isEqualTo(expected);
                                                }));
    }

    @Test
    void givesEveryLongRunningServiceAHealthcheck() {
        services.fields()
                .forEachRemaining(
                        service -> {
                            boolean oneShot =
                                    "no".equals(service.getValue().path("restart").asText());
                            boolean scaled = service.getKey().equals("taskmanager");
                            if (!oneShot && !scaled) {
                                assertThat(service.getValue().has("healthcheck"))
                                        .as(service.getKey())
                                        .isTrue();
                            }
                        });
    }

    @Test
    void scrapesTheCollectorAndFlink() throws IOException {
        JsonNode prometheus =
                new ObjectMapper(new YAMLFactory())
                        .readTree(root.resolve("deploy/prometheus/prometheus.yml").toFile());
        List<String> targets = new ArrayList<>();
        prometheus
                .get("scrape_configs")
                .forEach(
                        job -> {
                            job.path("static_configs")
                                    .forEach(
                                            c ->
                                                    c.path("targets")
                                                            .forEach(t -> targets.add(t.asText())));
                            job.path("dns_sd_configs")
                                    .forEach(
                                            c ->
                                                    c.path("names")
                                                            .forEach(
                                                                    n ->
                                                                            targets.add(
                                                                                    n.asText()
                                                                                            + ":"
                                                                                            + c.path(
                                                                                                            "port")
                                                                                                    .asText())));
                        });
        assertThat(targets).contains("collector:8080", "jobmanager:9249", "taskmanager:9249");
        assertThat(Map.of("env example", root.resolve("deploy/.env.example")))
                .allSatisfy((k, v) -> assertThat(v).exists());
    }
}
