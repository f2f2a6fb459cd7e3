package vn.speedwatch.dashboards;

import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Every provisioned panel SQL query as Grafana would send it for the seed month with all variables
 * on "All" (the widest, slowest case): for the benchmark, outside this package.
 */
public final class RenderedQueries {

    private RenderedQueries() {}

    /** Panel label ("uid #id «title» refId") → SQL ready to execute. */
    public static Map<String, String> all(DataSource ds) throws SQLException {
        PanelRunner runner = new PanelRunner(ds, true);
        Map<String, String> out = new LinkedHashMap<>();
        for (PanelQuery q : Provisioning.sqlQueries()) {
            out.put(q.toString(), runner.render(q, PanelRunner.Selection.ALL));
        }
        return out;
    }
}
