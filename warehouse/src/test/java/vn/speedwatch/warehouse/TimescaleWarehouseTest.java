package vn.speedwatch.warehouse;

import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestClassOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.speedwatch.warehouse.testing.TestDatabase;
import vn.speedwatch.warehouse.testing.TimescaleServer;

/**
 * The migration and data-access suites against TimescaleDB (the PGlite test server, one
 * connection), sharing one server start.
 */
@TestClassOrder(ClassOrderer.OrderAnnotation.class)
class TimescaleWarehouseTest {

    @RegisterExtension static TimescaleServer db = TimescaleServer.unmigrated();

    /** First: they migrate the empty database that the other suites then use. */
    @Nested
    @Order(1)
    class Migrations extends TimescaleMigrations {
        @Override
        TestDatabase db() {
            return db;
        }
    }

    @Nested
    class Measurements extends RepositoryContract {
        @Override
        TestDatabase db() {
            return db;
        }
    }

    @Nested
    class DerivedData extends DerivedDataContract {
        @Override
        TestDatabase db() {
            return db;
        }
    }

    @Nested
    class Alerts extends AlertContract {
        @Override
        TestDatabase db() {
            return db;
        }
    }

    @Nested
    class WeightedMedian extends WeightedMedianContract {
        @Override
        TestDatabase db() {
            return db;
        }
    }
}
