package vn.speedwatch.dashboards;

import org.junit.jupiter.api.extension.RegisterExtension;
import vn.speedwatch.warehouse.testing.PostgresDatabase;
import vn.speedwatch.warehouse.testing.TestDatabase;

/** Every panel query on plain PostgreSQL (BRIN indexes, {@code quality_monthly} as a view). */
class PostgresPanelQueryTest extends PanelQueryContract {

    @RegisterExtension static PostgresDatabase db = new PostgresDatabase();

    @Override
    TestDatabase db() {
        return db;
    }
}
