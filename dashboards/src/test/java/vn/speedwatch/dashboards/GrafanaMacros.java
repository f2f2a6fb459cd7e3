package vn.speedwatch.dashboards;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The macro expansion of Grafana's PostgreSQL datasource, ported from {@code
 * pkg/tsdb/grafana-postgresql-datasource/macros.go} (grafana/grafana): the server rewrites {@code
 * $__timeFilter(col)} and friends after the browser has interpolated the variables. An unknown
 * macro is an error there, and here.
 */
final class GrafanaMacros {

    private static final Pattern MACRO = Pattern.compile("\\$([_a-zA-Z0-9]+)\\(([^)]*)\\)");
    private static final DateTimeFormatter SECONDS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC);

    private final Instant from;
    private final Instant to;
    private final boolean timescaledb;

    GrafanaMacros(Instant from, Instant to, boolean timescaledb) {
        this.from = from;
        this.to = to;
        this.timescaledb = timescaledb;
    }

    /** {@code sql} with every macro expanded, as Grafana's backend sends it to the database. */
    String interpolate(String sql) {
        Matcher m = MACRO.matcher(sql);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            // Pre-5.3 compatibility: "$__timeGroup(...)," (first occurrence) means the alias form.
            if (name.equals("__timeGroup")) {
                int end = sql.indexOf(m.group(0)) + m.group(0).length();
                if (end < sql.length() && sql.charAt(end) == ',') {
                    name = "__timeGroupAlias";
                }
            }
            List<String> args = new ArrayList<>();
            for (String arg : m.group(2).split(",", -1)) {
                args.add(arg.strip());
            }
            m.appendReplacement(out, Matcher.quoteReplacement(evaluate(name, args)));
        }
        m.appendTail(out);
        return out.toString();
    }

    private String evaluate(String name, List<String> args) {
        return switch (name) {
            case "__time" -> column(name, args) + " AS \"time\"";
            case "__timeEpoch" -> "extract(epoch from " + column(name, args) + ") as \"time\"";
            case "__timeFilter" ->
                    column(name, args)
                            + " BETWEEN '"
                            + rfc3339Nano(from)
                            + "' AND '"
                            + rfc3339Nano(to)
                            + "'";
            case "__timeFrom" -> "'" + rfc3339Nano(from) + "'";
            case "__timeTo" -> "'" + rfc3339Nano(to) + "'";
            case "__timeGroup" -> timeGroup(name, args);
            case "__timeGroupAlias" -> timeGroup(name, args) + " AS \"time\"";
            case "__unixEpochFilter" ->
                    column(name, args)
                            + " >= "
                            + from.getEpochSecond()
                            + " AND "
                            + args.get(0)
                            + " <= "
                            + to.getEpochSecond();
            case "__unixEpochNanoFilter" ->
                    column(name, args)
                            + " >= "
                            + nanos(from)
                            + " AND "
                            + args.get(0)
                            + " <= "
                            + nanos(to);
            case "__unixEpochNanoFrom" -> String.valueOf(nanos(from));
            case "__unixEpochNanoTo" -> String.valueOf(nanos(to));
            case "__unixEpochGroup" -> unixEpochGroup(name, args);
            case "__unixEpochGroupAlias" -> unixEpochGroup(name, args) + " AS \"time\"";
            default -> throw new IllegalArgumentException("unknown macro \"" + name + "\"");
        };
    }

    private String timeGroup(String name, List<String> args) {
        double seconds = intervalSeconds(name, args);
        if (timescaledb) {
            return String.format(Locale.ROOT, "time_bucket('%.3fs',%s)", seconds, args.get(0));
        }
        String s = goNumber(seconds);
        return "floor(extract(epoch from " + args.get(0) + ")/" + s + ")*" + s;
    }

    private String unixEpochGroup(String name, List<String> args) {
        String s = goNumber(intervalSeconds(name, args));
        return "floor((" + args.get(0) + ")/" + s + ")*" + s;
    }

    private static double intervalSeconds(String name, List<String> args) {
        if (args.size() < 2) {
            throw new IllegalArgumentException(
                    "macro " + name + " needs time column and interval and optional fill value");
        }
        return GrafanaInterval.parse(args.get(1).replace("'", "")).toNanos() / 1e9;
    }

    private static String column(String name, List<String> args) {
        if (args.isEmpty() || args.get(0).isEmpty()) {
            throw new IllegalArgumentException("missing time column argument for macro " + name);
        }
        return args.get(0);
    }

    /** Go's time.RFC3339Nano in UTC: fractional seconds only when non-zero, trailing 0s cut. */
    static String rfc3339Nano(Instant t) {
        String base = SECONDS.format(t);
        if (t.getNano() == 0) {
            return base + "Z";
        }
        String fraction = String.format(Locale.ROOT, "%09d", t.getNano()).replaceAll("0+$", "");
        return base + "." + fraction + "Z";
    }

    /** Go's %v of a float64: no decimals when whole. */
    static String goNumber(double v) {
        return new BigDecimal(Double.toString(v)).stripTrailingZeros().toPlainString();
    }

    private static long nanos(Instant t) {
        return t.getEpochSecond() * 1_000_000_000L + t.getNano();
    }

    /** Grafana's gtime.ParseInterval for the units dashboards use. */
    static final class GrafanaInterval {
        private static final Pattern SPEC = Pattern.compile("(\\d+)(ms|s|m|h|d|w)");

        private GrafanaInterval() {}

        static Duration parse(String text) {
            Matcher m = SPEC.matcher(text.strip());
            if (!m.matches()) {
                throw new IllegalArgumentException("error parsing interval " + text);
            }
            long n = Long.parseLong(m.group(1));
            return switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                case "d" -> Duration.ofDays(n);
                default -> Duration.ofDays(7 * n);
            };
        }
    }
}
