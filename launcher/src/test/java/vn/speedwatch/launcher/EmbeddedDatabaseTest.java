package vn.speedwatch.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.speedwatch.model.Settings;
import vn.speedwatch.warehouse.AreaRepository;
import vn.speedwatch.warehouse.Warehouse;
import vn.speedwatch.warehouse.WarehouseConfig;

/**
 * The embedded PostgreSQL of {@code speedwatch run} without {@code --db-url}: it starts in the data
 * directory, takes the migrations, and still has its rows after a restart.
 */
class EmbeddedDatabaseTest {

    @TempDir Path dataDir;

    @Test
    void startsMigratesAndKeepsItsDataAcrossARestart() {
        try (EmbeddedDatabase db = EmbeddedDatabase.start(dataDir.resolve("pg"));
                HikariDataSource ds = pool(db)) {
            assertThat(Warehouse.migrate(ds)).isPositive();
            AreaImport.seedIfEmpty(ds, Settings.of(Map.of()));
        }
        try (EmbeddedDatabase again = EmbeddedDatabase.start(dataDir.resolve("pg"));
                HikariDataSource ds = pool(again)) {
            assertThat(Warehouse.migrate(ds)).as("nothing left to migrate").isZero();
            assertThat(new AreaRepository(ds).findAll()).hasSize(12);
        }
    }

    private static HikariDataSource pool(Database db) {
        return Warehouse.open(new WarehouseConfig(db.jdbcUrl(), db.user(), db.password(), 1));
    }
}
