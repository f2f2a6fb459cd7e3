package vn.speedwatch.warehouse;

import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestClassOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.speedwatch.warehouse.testing.PostgresDatabase;
import vn.speedwatch.warehouse.testing.TestDatabase;

/**
 * The migration and data-access suites against plain PostgreSQL 15 on 127.0.0.1:5432, sharing one
 * test database.
 */
@TestClassOrder(ClassOrderer.OrderAnnotation.class)
class PostgresWarehouseTest {

    @RegisterExtension static PostgresDatabase db = PostgresDatabase.unmigrated();

    /** First: they migrate the empty database that the other suites then use. */
    @Nested
    @Order(1)
    class Migrations extends PostgresMigrations {
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

    /** The upsert from column arrays, which servers without COPY FROM STDIN get, on PostgreSQL. */
    @Nested
    class MeasurementsFromArrays extends RepositoryContract {
        @Override
        TestDatabase db() {
            return db;
        }

        @Override
        MeasurementRepository repository() {
            return new MeasurementRepository(ds(), true);
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
