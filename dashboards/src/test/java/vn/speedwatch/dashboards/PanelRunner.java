package vn.speedwatch.dashboards;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Runs a panel's SQL the way Grafana does: the browser fills in the template variables for a chosen
 * {@link Selection}, the backend expands the macros for the seed month, the database executes the
 * result.
 */
final class PanelRunner {

    /** Which values the variables get. */
    enum Selection {
        /** "All" for multi-value variables; the sparse TDP for single-value ones. */
        ALL,
        /** One value each (still quoted by Grafana for multi-value variables). */
        SINGLE,
        /** Two values each. */
        MULTI
    }

    /** Values preferred for SINGLE (the first) and MULTI (both). */
    private static final Map<String, List<String>> PREFERRED =
            Map.of(
                    "operator", List.of("VIETTEL", "VNPT"),
                    "access", List.of("FIXED_FIBER", "MOBILE_4G"),
                    "tdp", List.of("TDP-01", Seed.SPARSE_TDP));

    private final DataSource dataSource;

    /** Matches the provisioned datasource's jsonData.timescaledb. */
    private final boolean timescaledbFlag;

    PanelRunner(DataSource dataSource, boolean timescaledbFlag) {
        this.dataSource = dataSource;
        this.timescaledbFlag = timescaledbFlag;
    }

    QueryResult run(PanelQuery q, Selection selection) throws SQLException {
        return query(render(q, selection));
    }

    String render(PanelQuery q, Selection selection) throws SQLException {
        Map<String, TemplateVariable> vars = q.dashboard().variables();
        TemplateInterpolator template =
                new TemplateInterpolator(vars, values(vars, selection), globals());
        return new GrafanaMacros(Seed.FROM, Seed.TO, timescaledbFlag)
                .interpolate(template.interpolate(q.sql()));
    }

    QueryResult query(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            return QueryResult.of(rs);
        }
    }

    private Map<String, List<String>> values(
            Map<String, TemplateVariable> vars, Selection selection) throws SQLException {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (TemplateVariable v : vars.values()) {
            out.put(v.name(), valuesOf(v, selection));
        }
        return out;
    }

    private List<String> valuesOf(TemplateVariable v, Selection selection) throws SQLException {
        if (v.type().equals("constant")) {
            return List.of(v.query());
        }
        List<String> preferred = PREFERRED.get(v.name());
        if (!v.multi()) {
            return List.of(preferred.get(selection == Selection.ALL ? 1 : 0));
        }
        return switch (selection) {
            case ALL -> allValues(v);
            case SINGLE -> preferred.subList(0, 1);
            case MULTI -> preferred;
        };
    }

    /** "All" without a custom all value: Grafana sends every option. */
    List<String> allValues(TemplateVariable v) throws SQLException {
        if (v.type().equals("custom")) {
            return v.customValues();
        }
        QueryResult r = query(v.query());
        int col = r.column("__value");
        List<String> values = new ArrayList<>();
        for (List<Object> row : r.rows()) {
            values.add(String.valueOf(row.get(col)));
        }
        return values;
    }

    private static Map<String, String> globals() {
        long from = Seed.FROM.toEpochMilli();
        long to = Seed.TO.toEpochMilli();
        return Map.of(
                "__interval",
                "1h",
                "__interval_ms",
                "3600000",
                "__rate_interval",
                "1h",
                "__from",
                String.valueOf(from),
                "__to",
                String.valueOf(to),
                "__timezone",
                "Asia/Ho_Chi_Minh");
    }
}
