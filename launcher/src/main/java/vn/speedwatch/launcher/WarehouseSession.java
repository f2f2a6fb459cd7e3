package vn.speedwatch.launcher;

import com.zaxxer.hikari.HikariDataSource;
import vn.speedwatch.model.Settings;
import vn.speedwatch.warehouse.Warehouse;
import vn.speedwatch.warehouse.WarehouseConfig;

/**
 * The warehouse for a one-off subcommand ({@code migrate}, {@code report}, {@code areas import},
 * {@code rebuild}): the configured or embedded PostgreSQL, migrated, with a small pool.
 */
final class WarehouseSession implements AutoCloseable {

    private final Database database;
    private final HikariDataSource dataSource;
    private final int migrationsApplied;

    private WarehouseSession(Database database, HikariDataSource dataSource, int applied) {
        this.database = database;
        this.dataSource = dataSource;
        this.migrationsApplied = applied;
    }

    static WarehouseSession open(LauncherConfig config) {
        Database db = Database.open(config);
        HikariDataSource ds =
                Warehouse.open(new WarehouseConfig(db.jdbcUrl(), db.user(), db.password(), 2));
        try {
            return new WarehouseSession(db, ds, Warehouse.migrate(ds));
        } catch (RuntimeException e) {
            ds.close();
            db.close();
            throw new LauncherException(
                    "Không kết nối hoặc cập nhật được cơ sở dữ liệu "
                            + db.jdbcUrl()
                            + ": "
                            + e.getMessage(),
                    "cannot connect to or migrate the warehouse",
                    e);
        }
    }

    HikariDataSource dataSource() {
        return dataSource;
    }

    int migrationsApplied() {
        return migrationsApplied;
    }

    /** Settings pointing at this session's database, for modules that read {@code db.*}. */
    Settings settings(LauncherConfig config) {
        return config.componentSettings(
                database.jdbcUrl(),
                database.user(),
                database.password(),
                config.kafkaBootstrapServers().orElse("127.0.0.1:" + config.kafkaPort()));
    }

    @Override
    public void close() {
        dataSource.close();
        database.close();
    }
}
