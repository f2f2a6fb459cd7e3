package vn.speedwatch.dashboards;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** A dashboard template variable: how Grafana will fill it in and which values it offers. */
record TemplateVariable(
        String name,
        String type,
        boolean multi,
        boolean includeAll,
        String query,
        JsonNode datasource) {

    static TemplateVariable of(JsonNode v) {
        return new TemplateVariable(
                v.path("name").asText(),
                v.path("type").asText(),
                v.path("multi").asBoolean(),
                v.path("includeAll").asBoolean(),
                v.path("query").asText(),
                v.path("datasource"));
    }

    /** Grafana quotes a multi-value or "All"-capable variable in SQL, even with one value. */
    boolean quotedInSql() {
        return multi || includeAll;
    }

    /** The values of a custom variable: "text : value, text : value" as Grafana splits it. */
    List<String> customValues() {
        List<String> values = new ArrayList<>();
        for (String option : query.split("(?<!\\\\),")) {
            String[] textValue = option.split(" : ", 2);
            values.add((textValue.length == 2 ? textValue[1] : textValue[0]).strip());
        }
        return values;
    }
}
