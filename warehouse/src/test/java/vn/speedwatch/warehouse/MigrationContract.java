package vn.speedwatch.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import vn.speedwatch.warehouse.testing.TestDatabase;

/**
 * The migrations on an empty database, run the same way against plain PostgreSQL and TimescaleDB
 * (one subclass per server). The first test migrates the empty database.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class MigrationContract {

    static final List<String> V1_TABLES =
            List.of(
                    "alerts",
                    "areas",
                    "dead_letters",
                    "erasures",
                    "heatmap_cells",
                    "measurements_raw",
                    "monthly_reports",
                    "quality_aggregates");

    static final List<String> MONTHLY_COLUMNS =
            List.of(
                    "month",
                    "tdp_code",
                    "operator",
                    "access_type",
                    "sample_count",
                    "download_mean",
                    "upload_mean",
                    "latency_mean",
                    "download_min",
                    "download_max",
                    "qcvn_evaluated_count",
                    "below_qcvn_count",
                    "target_2030_evaluated_count",
                    "target_2030_pass_count",
                    "plan_gigabit_count",
                    "ip_known_count",
                    "ipv6_count");

    abstract TestDatabase db();

    DataSource ds() {
        return db().dataSource();
    }

    @Test
    @Order(1)
    void migratingTwiceAppliesEachVersionOnce() throws SQLException {
        // Other modules add their own migrations (V3 and later) next to V1 and V2.
        int applied = Warehouse.migrate(ds());
        assertThat(applied).isGreaterThanOrEqualTo(2);
        assertThat(Warehouse.migrate(ds())).isZero();

        List<String> history =
                Db.column(
                        ds(),
                        "SELECT version || ':' || success "
                                + "FROM flyway_schema_history WHERE version IS NOT NULL ORDER BY installed_rank");
        assertThat(history)
                .hasSize(applied)
                .startsWith("1:true", "2:true")
                .allMatch(h -> h.endsWith(":true"));
        assertThat(
                        Db.column(
                                ds(),
                                "SELECT table_name FROM information_schema.tables "
                                        + "WHERE table_schema = 'public' AND table_type = 'BASE TABLE'"))
                .containsAll(V1_TABLES);
    }

    @Test
    @Order(2)
    void layoutStepsAreSafeToRerun() throws SQLException {
        Warehouse.migrate(ds());
        TimeSeriesLayout layout = new TimeSeriesLayout(Duration.ofDays(400));
        try (Connection c = ds().getConnection()) {
            c.setAutoCommit(true);
            assertThat(layout.apply(c)).isEqualTo(db().isTimescale());
            assertThat(layout.apply(c)).isEqualTo(db().isTimescale());
        }
        assertThat(Warehouse.hasTimescale(ds())).isEqualTo(db().isTimescale());
    }

    @Test
    @Order(3)
    void monthlyViewHasTheSameColumnsOnEveryDatabase() throws SQLException {
        Warehouse.migrate(ds());
        assertThat(
                        Db.column(
                                ds(),
                                "SELECT column_name FROM information_schema.columns "
                                        + "WHERE table_name = 'quality_monthly' ORDER BY ordinal_position"))
                .containsExactlyElementsOf(MONTHLY_COLUMNS);
    }

    @Test
    @Order(4)
    void monthlyViewCountsMeasurementsPerVietnameseMonth() throws SQLException {
        Warehouse.migrate(ds());
        MeasurementRepository repo = new MeasurementRepository(ds());
        // Months are Hải Phòng months (UTC+7): 16:30 UTC on 31 March is 23:30 local, still
        // March; 17:30 UTC is 00:30 on 1 April local time.
        repo.upsert(
                List.of(
                        Rows.measurement(
                                Rows.VNPT, "TDP-M1", 50, Instant.parse("2025-03-31T16:30:00Z")),
                        Rows.measurement(
                                Rows.VNPT, "TDP-M1", 70, Instant.parse("2025-03-31T17:30:00Z")),
                        Rows.measurement(
                                Rows.VNPT, "TDP-M1", 90, Instant.parse("2025-04-15T03:00:00Z"))));
        refreshMonthly();

        assertThat(
                        Db.column(
                                ds(),
                                "SELECT to_char(month AT TIME ZONE 'Asia/Ho_Chi_Minh', "
                                        + "'YYYY-MM') || ' n=' || sample_count || ' mean=' || download_mean "
                                        + "FROM quality_monthly WHERE tdp_code = 'TDP-M1' ORDER BY month"))
                .containsExactly("2025-03 n=1 mean=50", "2025-04 n=2 mean=80");
    }

    /** Brings the monthly view up to date where it is materialized (nothing to do otherwise). */
    abstract void refreshMonthly() throws SQLException;
}
