package vn.speedwatch.dashboards;

import com.fasterxml.jackson.databind.JsonNode;

/** One query target of one panel, with what the test needs to run and judge it. */
record PanelQuery(Dashboard dashboard, JsonNode panel, JsonNode target) {

    String datasourceUid() {
        JsonNode ds = target.path("datasource");
        return (ds.isMissingNode() ? panel.path("datasource") : ds).path("uid").asText();
    }

    boolean isSql() {
        return target.has("rawSql");
    }

    String sql() {
        return target.path("rawSql").asText();
    }

    String expr() {
        return target.path("expr").asText();
    }

    String panelType() {
        return panel.path("type").asText();
    }

    String format() {
        return target.path("format").asText("table");
    }

    @Override
    public String toString() {
        return dashboard.uid()
                + " #"
                + panel.path("id").asInt()
                + " «"
                + panel.path("title").asText()
                + "» "
                + target.path("refId").asText();
    }
}
