package vn.speedwatch.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import vn.speedwatch.model.Compliance.Comparison;
import vn.speedwatch.model.Compliance.Metric;
import vn.speedwatch.model.QcvnThresholds.AggregateCriterion;
import vn.speedwatch.model.QcvnThresholds.InvalidThresholdsException;
import vn.speedwatch.model.QcvnThresholds.Rule;
import vn.speedwatch.model.QcvnThresholds.SampleRule;
import vn.speedwatch.model.QcvnThresholds.Source;
import vn.speedwatch.model.QcvnThresholds.Target2030;

/**
 * Reads a threshold file into {@link QcvnThresholds}. Every error names the file and the field
 * ({@code rules[1].aggregate[0].value}), so a typo in a new version is found at start-up.
 */
final class ThresholdsReader {

    private final String file;
    private Set<String> sourceIds = Set.of();

    ThresholdsReader(String file) {
        this.file = file;
    }

    QcvnThresholds read(JsonNode root) {
        if (root == null || !root.isObject()) {
            throw error("", "expected a JSON object");
        }
        String version = text(root, "version", "version");
        List<Source> sources = list(root, "sources", this::source);
        sourceIds = sources.stream().map(Source::id).collect(Collectors.toSet());
        Map<AccessType, Rule> rules = new EnumMap<>(AccessType.class);
        List<Rule> ruleList = list(root, "rules", this::rule);
        for (int i = 0; i < ruleList.size(); i++) {
            for (AccessType type : ruleList.get(i).accessTypes()) {
                Rule earlier = rules.put(type, ruleList.get(i));
                if (earlier != null) {
                    throw error(
                            "rules[" + i + "].accessTypes",
                            type
                                    + " already has a rule (rules["
                                    + ruleList.indexOf(earlier)
                                    + "])");
                }
            }
        }
        Target2030 target = target(field(root, "target2030", "target2030"), "target2030");
        return new QcvnThresholds(version, sources, rules, target);
    }

    private Source source(JsonNode n, String path) {
        String note = n.hasNonNull("note") ? text(n, "note", path + ".note") : null;
        return new Source(
                text(n, "id", path + ".id"),
                text(n, "citation", path + ".citation"),
                text(n, "titleVi", path + ".titleVi"),
                text(n, "titleEn", path + ".titleEn"),
                note);
    }

    private Rule rule(JsonNode n, String path) {
        List<AccessType> types =
                list(n, "accessTypes", path, (t, p) -> constant(AccessType.class, t, p));
        List<String> sources = sourceRefs(n, path);
        JsonNode s = field(n, "sample", path + ".sample");
        String sp = path + ".sample";
        SampleRule sample =
                new SampleRule(
                        s.hasNonNull("requiresPlan")
                                && bool(s, "requiresPlan", sp + ".requiresPlan"),
                        optional(s, "minDownloadMbps", sp),
                        optional(s, "minUploadMbps", sp),
                        optional(s, "maxLatencyMs", sp),
                        share(s, "minDownloadShareOfPlan", sp),
                        share(s, "minUploadShareOfPlan", sp));
        List<AggregateCriterion> aggregate =
                list(n, "aggregate", path, (c, p) -> criterion(c, p, sources.get(0)));
        return new Rule(types, sources, sample, aggregate);
    }

    private AggregateCriterion criterion(JsonNode n, String path, String defaultSource) {
        String source =
                n.hasNonNull("source")
                        ? sourceRef(n.get("source"), path + ".source")
                        : defaultSource;
        return new AggregateCriterion(
                text(n, "nameVi", path + ".nameVi"),
                text(n, "nameEn", path + ".nameEn"),
                constant(Metric.class, field(n, "metric", path + ".metric"), path + ".metric"),
                constant(
                        Comparison.class,
                        field(n, "comparison", path + ".comparison"),
                        path + ".comparison"),
                number(n, "value", path + ".value"),
                source);
    }

    private Target2030 target(JsonNode n, String path) {
        return new Target2030(
                sourceRefs(n, path),
                constant(
                        AccessType.class,
                        field(n, "accessType", path + ".accessType"),
                        path + ".accessType"),
                number(n, "minPlanDownloadMbps", path + ".minPlanDownloadMbps"),
                requiredShare(n, "minDownloadShareOfPlan", path));
    }

    private List<String> sourceRefs(JsonNode n, String path) {
        List<String> refs = list(n, "sources", path, this::sourceRef);
        if (refs.isEmpty()) {
            throw error(path + ".sources", "a rule must cite at least one source");
        }
        return refs;
    }

    private String sourceRef(JsonNode n, String path) {
        if (!n.isTextual() || !sourceIds.contains(n.textValue())) {
            throw error(path, "expected the id of one of the sources " + sourceIds);
        }
        return n.textValue();
    }

    private <T> List<T> list(JsonNode parent, String name, ItemReader<T> item) {
        return list(parent, name, "", item);
    }

    private <T> List<T> list(JsonNode parent, String name, String path, ItemReader<T> item) {
        String p = path.isEmpty() ? name : path + "." + name;
        JsonNode array = field(parent, name, p);
        if (!array.isArray()) {
            throw error(p, "expected an array");
        }
        List<T> out = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            out.add(item.read(array.get(i), p + "[" + i + "]"));
        }
        return out;
    }

    private <E extends Enum<E>> E constant(Class<E> type, JsonNode n, String path) {
        for (E e : type.getEnumConstants()) {
            if (n.isTextual() && e.name().equals(n.textValue())) {
                return e;
            }
        }
        throw error(path, "expected one of " + Arrays.toString(type.getEnumConstants()));
    }

    private double requiredShare(JsonNode n, String name, String path) {
        field(n, name, path + "." + name);
        return share(n, name, path);
    }

    private Double share(JsonNode n, String name, String path) {
        Double v = optional(n, name, path);
        if (v != null && (v <= 0 || v > 1)) {
            throw error(path + "." + name, "a share must be within (0, 1], got " + v);
        }
        return v;
    }

    private Double optional(JsonNode n, String name, String path) {
        return n.hasNonNull(name) ? number(n, name, path + "." + name) : null;
    }

    private double number(JsonNode n, String name, String path) {
        JsonNode v = field(n, name, path);
        if (!v.isNumber() || !Double.isFinite(v.doubleValue()) || v.doubleValue() < 0) {
            throw error(path, "expected a number >= 0");
        }
        return v.doubleValue();
    }

    private boolean bool(JsonNode n, String name, String path) {
        JsonNode v = field(n, name, path);
        if (!v.isBoolean()) {
            throw error(path, "expected true or false");
        }
        return v.booleanValue();
    }

    private String text(JsonNode n, String name, String path) {
        JsonNode v = field(n, name, path);
        if (!v.isTextual() || v.textValue().isBlank()) {
            throw error(path, "expected a non-blank string");
        }
        return v.textValue();
    }

    private JsonNode field(JsonNode parent, String name, String path) {
        JsonNode v = parent.isObject() ? parent.get(name) : null;
        if (v == null || v.isNull()) {
            throw error(path, "missing");
        }
        return v;
    }

    private InvalidThresholdsException error(String path, String problem) {
        return new InvalidThresholdsException(
                file + ": " + (path.isEmpty() ? "(root)" : path) + ": " + problem);
    }

    /** Reads one array item found at {@code path}. */
    private interface ItemReader<T> {
        T read(JsonNode node, String path);
    }
}
