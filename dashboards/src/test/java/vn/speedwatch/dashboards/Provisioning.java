package vn.speedwatch.dashboards;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The Grafana provisioning folder of this module, read as Grafana reads it: datasource and provider
 * YAML files, dashboard JSON files, and every panel query in them.
 */
final class Provisioning {

    static final ObjectMapper JSON = new ObjectMapper();
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private Provisioning() {}

    /** {@code dashboards/provisioning}, from the module directory (where Maven runs tests). */
    static Path root() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path candidate = p.resolve("provisioning/dashboards/json");
            if (Files.isDirectory(candidate)) {
                return p.resolve("provisioning");
            }
            candidate = p.resolve("dashboards/provisioning");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException(
                "dashboards/provisioning not found above " + Path.of("").toAbsolutePath());
    }

    /** The repository root (parent of the module), for files of other modules. */
    static Path repositoryRoot() {
        return root().getParent().getParent();
    }

    static List<Dashboard> dashboards() {
        List<Dashboard> out = new ArrayList<>();
        for (Path file : files(root().resolve("dashboards/json"), ".json")) {
            out.add(new Dashboard(file.getFileName().toString(), read(JSON, file)));
        }
        return out;
    }

    static List<JsonNode> yamlFiles(String folder) {
        return files(root().resolve(folder), ".yml").stream().map(f -> read(YAML, f)).toList();
    }

    /** Every query target of every panel, SQL and PromQL. */
    static List<PanelQuery> queries() {
        List<PanelQuery> out = new ArrayList<>();
        for (Dashboard d : dashboards()) {
            for (JsonNode panel : d.panels()) {
                for (JsonNode target : panel.path("targets")) {
                    out.add(new PanelQuery(d, panel, target));
                }
            }
        }
        return out;
    }

    static List<PanelQuery> sqlQueries() {
        return queries().stream().filter(PanelQuery::isSql).toList();
    }

    private static List<Path> files(Path dir, String suffix) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode read(ObjectMapper mapper, Path file) {
        try {
            return mapper.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot parse " + file, e);
        }
    }
}
