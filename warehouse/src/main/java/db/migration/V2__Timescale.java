package db.migration;

import java.time.Duration;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import vn.speedwatch.warehouse.TimeSeriesLayout;
import vn.speedwatch.warehouse.Warehouse;

/**
 * Migration V2: the time-series layout (TimescaleDB hypertables, policies and the monthly
 * continuous aggregate where the extension is available; BRIN indexes and a plain view otherwise).
 * The raw retention comes from the Flyway placeholder {@code rawRetentionDays}.
 */
public class V2__Timescale extends BaseJavaMigration {

    @Override
    public boolean canExecuteInTransaction() {
        // CREATE MATERIALIZED VIEW ... WITH (timescaledb.continuous) refuses transactions.
        return false;
    }

    @Override
    public void migrate(Context context) throws Exception {
        String days =
                context.getConfiguration()
                        .getPlaceholders()
                        .getOrDefault(
                                Warehouse.RAW_RETENTION_PLACEHOLDER,
                                String.valueOf(TimeSeriesLayout.DEFAULT_RAW_RETENTION.toDays()));
        new TimeSeriesLayout(Duration.ofDays(Long.parseLong(days.trim())))
                .apply(context.getConnection());
    }
}
