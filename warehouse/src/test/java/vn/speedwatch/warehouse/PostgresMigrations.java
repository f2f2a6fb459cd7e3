package vn.speedwatch.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/** The migrations on plain PostgreSQL: ordinary tables, BRIN indexes, a plain monthly view. */
abstract class PostgresMigrations extends MigrationContract {

    @Override
    void refreshMonthly() {
        // A plain view is always current.
    }

    @Test
    @Order(10)
    void timeColumnsHaveBrinIndexes() throws SQLException {
        Warehouse.migrate(ds());
        assertThat(
                        Db.column(
                                ds(),
                                "SELECT tablename || '.' || indexname FROM pg_indexes "
                                        + "WHERE indexdef LIKE '%USING brin%' ORDER BY 1"))
                .contains(
                        "measurements_raw.measurements_raw_measured_brin",
                        "quality_aggregates.quality_aggregates_bucket_brin");
        assertThat(Db.column(ds(), "SELECT viewname FROM pg_views WHERE schemaname = 'public'"))
                .contains("quality_monthly");
        assertThat(Warehouse.hasTimescale(ds())).isFalse();
    }
}
