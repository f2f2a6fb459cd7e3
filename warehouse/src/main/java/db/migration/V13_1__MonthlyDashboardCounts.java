package db.migration;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import vn.speedwatch.warehouse.TimeSeriesLayout;

/**
 * Migration V13.1: {@code quality_monthly} gains the counts V13 added to the aggregates (2030
 * target, gigabit plans, IPv6). Databases created before V13 hold the old view, whose query
 * TimescaleDB cannot alter, so it is re-created on both layouts.
 */
public class V13_1__MonthlyDashboardCounts extends BaseJavaMigration {

    @Override
    public boolean canExecuteInTransaction() {
        // Creating and refreshing a continuous aggregate refuse transactions.
        return false;
    }

    @Override
    public void migrate(Context context) throws Exception {
        TimeSeriesLayout.replaceMonthlyView(context.getConnection());
    }
}
