package vn.speedwatch.launcher;

import java.nio.file.Path;
import java.util.List;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.speedwatch.model.Area;
import vn.speedwatch.model.AreaRegistry;
import vn.speedwatch.model.Settings;
import vn.speedwatch.warehouse.AreaRepository;
import vn.speedwatch.warehouse.AreaRow;

/**
 * Puts TDP boundaries into the {@code areas} table, where dashboards and reports draw maps from.
 * The file is validated by {@link AreaRegistry} first, so an invalid file stores nothing.
 */
final class AreaImport {

    private static final Logger LOG = LoggerFactory.getLogger(AreaImport.class);

    private AreaImport() {}

    /**
     * Validates and upserts the areas of a GeoJSON file; returns how many were stored.
     *
     * @throws vn.speedwatch.model.AreaFormatException listing every problem, naming the feature
     */
    static AreaRegistry importFile(DataSource ds, Path file) {
        AreaRegistry registry = AreaRegistry.load(file);
        store(ds, registry);
        return registry;
    }

    /** On a new warehouse, stores the configured areas ({@code areas.file}, else the sample). */
    static void seedIfEmpty(DataSource ds, Settings settings) {
        AreaRepository repo = new AreaRepository(ds);
        if (!repo.findAll().isEmpty()) {
            return;
        }
        AreaRegistry registry =
                settings.find("areas.file")
                        .map(f -> AreaRegistry.load(Path.of(f)))
                        .orElseGet(AreaRegistry::loadSample);
        store(ds, registry);
        if (registry.synthetic()) {
            LOG.warn(
                    "Areas come from {}, a SYNTHETIC sample, not official TDP boundaries: "
                            + "import the ward's file with 'speedwatch areas import FILE'",
                    registry.sourceName());
        }
    }

    private static void store(DataSource ds, AreaRegistry registry) {
        List<AreaRow> rows = registry.areas().stream().map(AreaImport::row).toList();
        new AreaRepository(ds).upsert(rows);
        LOG.info("Stored {} areas from {}", rows.size(), registry.sourceName());
    }

    private static AreaRow row(Area a) {
        return new AreaRow(
                a.code(),
                a.name(),
                a.ward(),
                a.population(),
                a.geoJson(),
                a.culturalHouseLat(),
                a.culturalHouseLon());
    }
}
