package vn.speedwatch.dashboards;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Grafana's front-end variable interpolation for SQL datasources ({@code $var}, {@code ${var}},
 * {@code ${var:format}}, {@code [[var]]}): multi-value and "All" variables become {@code 'a','b'}
 * with quotes doubled; a single-value variable is inserted raw with its quotes doubled; {@code
 * :csv}, {@code :sqlstring}, {@code :raw}, {@code :singlequote} formats apply. Names that are
 * neither variables nor globals stay as written (the backend's macros).
 */
final class TemplateInterpolator {

    /** The regex of Grafana's TemplateSrv. */
    private static final Pattern VARIABLE =
            Pattern.compile(
                    "\\$(\\w+)|\\[\\[(\\w+?)(?::(\\w+))?]]|\\$\\{(\\w+)(?:\\.([^:^}]+))?(?::([^}]+))?}");

    private final Map<String, TemplateVariable> variables;
    private final Map<String, List<String>> selection;
    private final Map<String, String> globals;

    TemplateInterpolator(
            Map<String, TemplateVariable> variables,
            Map<String, List<String>> selection,
            Map<String, String> globals) {
        this.variables = variables;
        this.selection = selection;
        this.globals = globals;
    }

    String interpolate(String text) {
        Matcher m = VARIABLE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = first(m.group(1), m.group(2), m.group(4));
            String format = first(m.group(3), m.group(6));
            m.appendReplacement(out, Matcher.quoteReplacement(value(name, format, m.group())));
        }
        m.appendTail(out);
        return out.toString();
    }

    private String value(String name, String format, String written) {
        if (globals.containsKey(name)) {
            return globals.get(name);
        }
        TemplateVariable v = variables.get(name);
        List<String> values = selection.get(name);
        if (v == null || values == null) {
            return written;
        }
        if (format != null) {
            return formatted(values, format);
        }
        if (v.quotedInSql() || values.size() > 1) {
            return values.stream()
                    .map(TemplateInterpolator::quoteLiteral)
                    .collect(Collectors.joining(","));
        }
        return values.get(0).replace("'", "''");
    }

    private static String formatted(List<String> values, String format) {
        return switch (format) {
            case "csv", "raw" -> String.join(",", values);
            case "sqlstring" ->
                    values.stream()
                            .map(TemplateInterpolator::quoteLiteral)
                            .collect(Collectors.joining(","));
            case "singlequote" ->
                    values.stream()
                            .map(v -> "'" + v.replace("'", "\\'") + "'")
                            .collect(Collectors.joining(","));
            case "doublequote" ->
                    values.stream()
                            .map(v -> "\"" + v.replace("\"", "\\\"") + "\"")
                            .collect(Collectors.joining(","));
            default ->
                    throw new IllegalArgumentException(
                            "variable format :" + format + " is not supported by these tests");
        };
    }

    static String quoteLiteral(String v) {
        return "'" + v.replace("'", "''") + "'";
    }

    private static String first(String... candidates) {
        for (String c : candidates) {
            if (c != null) {
                return c;
            }
        }
        return null;
    }
}
