package vn.speedwatch.dashboards;

import org.junit.jupiter.api.extension.RegisterExtension;
import vn.speedwatch.warehouse.testing.TestDatabase;
import vn.speedwatch.warehouse.testing.TimescaleServer;

/** Every panel query on TimescaleDB (hypertables, the continuous aggregate). */
class TimescalePanelQueryTest extends PanelQueryContract {

    @RegisterExtension static TimescaleServer db = new TimescaleServer();

    @Override
    TestDatabase db() {
        return db;
    }
}
