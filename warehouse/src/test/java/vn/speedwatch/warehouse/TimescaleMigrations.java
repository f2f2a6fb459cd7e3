package vn.speedwatch.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * The migrations on TimescaleDB: hypertables, compression and retention policies, and the monthly
 * continuous aggregate, which only holds data after a refresh.
 */
abstract class TimescaleMigrations extends MigrationContract {

    @Override
    void refreshMonthly() throws SQLException {
        // A procedure that must run outside a transaction; Db.execute uses autocommit.
        Db.execute(ds(), "CALL refresh_continuous_aggregate('quality_monthly', NULL, NULL)");
    }

    @Test
    @Order(10)
    void rawAndAggregateTablesAreCompressedHypertables() throws SQLException {
        Warehouse.migrate(ds());
        assertThat(
                        Db.column(
                                ds(),
                                "SELECT extversion FROM pg_extension "
                                        + "WHERE extname = 'timescaledb'"))
                .singleElement()
                .asString()
                .startsWith("2.");
        assertThat(
                        Db.column(
                                ds(),
                                "SELECT hypertable_name || ' compressed=' "
                                        + "|| compression_enabled FROM timescaledb_information.hypertables "
                                        + "WHERE hypertable_schema = 'public' ORDER BY 1"))
                .contains("measurements_raw compressed=true", "quality_aggregates compressed=true");
        assertThat(
                        Db.column(
                                ds(),
                                "SELECT config->>'drop_after' FROM "
                                        + "timescaledb_information.jobs WHERE proc_name = 'policy_retention' "
                                        + "AND hypertable_name = 'measurements_raw'"))
                .containsExactly("400 days");
        assertThat(Warehouse.hasTimescale(ds())).isTrue();
    }

    @Test
    @Order(11)
    void monthlyContinuousAggregateIsMaterializedByRefresh() throws SQLException {
        Warehouse.migrate(ds());
        new MeasurementRepository(ds())
                .upsert(
                        List.of(
                                Rows.bare(
                                        Rows.VIETTEL,
                                        "TDP-C1",
                                        20,
                                        Instant.parse("2025-05-02T03:00:00Z")),
                                Rows.bare(
                                        Rows.VIETTEL,
                                        "TDP-C1",
                                        40,
                                        Instant.parse("2025-05-20T03:00:00Z")),
                                Rows.bare(
                                        Rows.VIETTEL,
                                        "TDP-C1",
                                        60,
                                        Instant.parse("2025-05-28T03:00:00Z"))));
        String materialized =
                Db.column(
                                ds(),
                                "SELECT format('%I.%I', "
                                        + "materialization_hypertable_schema, materialization_hypertable_name) "
                                        + "FROM timescaledb_information.continuous_aggregates "
                                        + "WHERE view_name = 'quality_monthly'")
                        .get(0);
        String countInMay =
                "SELECT coalesce(sum(sample_count), 0) FROM quality_monthly "
                        + "WHERE tdp_code = 'TDP-C1'";
        String materializedRows = "SELECT count(*) FROM " + materialized;
        long before = Db.count(ds(), materializedRows);

        refreshMonthly();

        assertThat(Db.count(ds(), materializedRows)).isGreaterThan(before);
        assertThat(Db.count(ds(), countInMay)).isEqualTo(3);
    }
}
