package vn.speedwatch.dashboards;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One dashboard JSON file: its panels (rows flattened) and its template variables. */
record Dashboard(String file, JsonNode json) {

    String uid() {
        return json.path("uid").asText();
    }

    String title() {
        return json.path("title").asText();
    }

    List<JsonNode> panels() {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode p : json.path("panels")) {
            out.add(p);
            p.path("panels").forEach(out::add);
        }
        return out;
    }

    Map<String, TemplateVariable> variables() {
        Map<String, TemplateVariable> out = new LinkedHashMap<>();
        for (JsonNode v : json.path("templating").path("list")) {
            TemplateVariable tv = TemplateVariable.of(v);
            out.put(tv.name(), tv);
        }
        return out;
    }
}
