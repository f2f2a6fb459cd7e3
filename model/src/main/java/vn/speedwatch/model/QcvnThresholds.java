package vn.speedwatch.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The quality thresholds results are judged against (QCVN national regulations and the ward's 2030
 * target), read from a versioned file that cites a source for every rule: the bundled {@code
 * qcvn/thresholds-v1.json}, or another file when a regulation changes. Per sample it answers "did
 * this test pass?"; for reports it gives the aggregate verdict criterion by criterion. Thread-safe
 * and immutable.
 */
public final class QcvnThresholds {

    /** The bundled threshold file. */
    public static final String BUNDLED = "qcvn/thresholds-v1.json";

    private final String version;
    private final List<Source> sources;
    private final Map<AccessType, Rule> rules;
    private final Target2030 target2030;

    QcvnThresholds(
            String version,
            List<Source> sources,
            Map<AccessType, Rule> rules,
            Target2030 target2030) {
        this.version = version;
        this.sources = List.copyOf(sources);
        this.rules = Map.copyOf(rules);
        this.target2030 = target2030;
    }

    /** The thresholds bundled with this build. */
    public static QcvnThresholds load() {
        try (InputStream in = QcvnThresholds.class.getClassLoader().getResourceAsStream(BUNDLED)) {
            if (in == null) {
                throw new InvalidThresholdsException(BUNDLED + ": not on the class path");
            }
            return read(Json.mapper().readTree(in), BUNDLED);
        } catch (IOException e) {
            throw new InvalidThresholdsException(BUNDLED + ": not valid JSON: " + e.getMessage());
        }
    }

    /**
     * Thresholds from a file.
     *
     * @throws InvalidThresholdsException naming the file and the field at fault
     */
    public static QcvnThresholds load(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return read(Json.mapper().readTree(in), file.toString());
        } catch (JsonProcessingException e) {
            throw new InvalidThresholdsException(
                    file + ": not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new InvalidThresholdsException(file + ": cannot read: " + e.getMessage());
        }
    }

    private static QcvnThresholds read(JsonNode root, String name) {
        return new ThresholdsReader(name).read(root);
    }

    public String version() {
        return version;
    }

    /** Every document the rules cite, in file order. */
    public List<Source> sources() {
        return sources;
    }

    /**
     * Whether one test meets its per-sample threshold: null when none applies (public Wi-Fi,
     * unknown access, or a fixed line without a plan speed to compare with).
     */
    public Boolean samplePasses(
            AccessType type,
            double down,
            double up,
            double latency,
            Double planDown,
            Double planUp) {
        Rule rule = rules.get(type == null ? AccessType.UNKNOWN : type);
        return rule == null ? null : rule.sample().passes(down, up, latency, planDown, planUp);
    }

    /**
     * The ward 2030 target: true for fibre on a plan of at least 1 Gbit/s delivering at least 80 %
     * of it, false for any other fibre test, null for other access types.
     */
    public Boolean meets2030Target(AccessType type, double down, Double planDown) {
        if (type != target2030.accessType()) {
            return null;
        }
        return planDown != null
                && planDown >= target2030.minPlanDownloadMbps()
                && down >= target2030.minDownloadShareOfPlan() * planDown;
    }

    /** The aggregate verdict of a group of tests; no criteria when no threshold applies. */
    public Compliance complianceOf(
            AccessType type,
            double meanDown,
            double meanUp,
            double meanLatency,
            long evaluated,
            long passing) {
        Rule rule = rules.get(type == null ? AccessType.UNKNOWN : type);
        if (rule == null) {
            return new Compliance(type, version, List.of(), List.of(), evaluated, passing);
        }
        Double share = evaluated > 0 ? (double) passing / evaluated : null;
        List<Compliance.Criterion> criteria =
                rule.aggregate().stream()
                        .map(
                                c ->
                                        c.judge(
                                                switch (c.metric()) {
                                                    case MEAN_DOWNLOAD_MBPS -> finite(meanDown);
                                                    case MEAN_UPLOAD_MBPS -> finite(meanUp);
                                                    case MEAN_LATENCY_MS -> finite(meanLatency);
                                                    case PASSING_SHARE -> share;
                                                }))
                        .toList();
        return new Compliance(type, version, rule.sources(), criteria, evaluated, passing);
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }

    /** A document a rule cites. */
    public record Source(String id, String citation, String titleVi, String titleEn, String note) {}

    /** A threshold file is missing, unreadable or malformed; the message names the field. */
    public static final class InvalidThresholdsException extends RuntimeException {
        public InvalidThresholdsException(String message) {
            super(message);
        }
    }

    record Rule(
            List<AccessType> accessTypes,
            List<String> sources,
            SampleRule sample,
            List<AggregateCriterion> aggregate) {}

    record SampleRule(
            boolean requiresPlan,
            Double minDownloadMbps,
            Double minUploadMbps,
            Double maxLatencyMs,
            Double minDownloadShareOfPlan,
            Double minUploadShareOfPlan) {

        Boolean passes(double down, double up, double latency, Double planDown, Double planUp) {
            boolean hasPlanDown = planDown != null && planDown > 0;
            boolean hasPlanUp = planUp != null && planUp > 0;
            if (requiresPlan && !hasPlanDown && !hasPlanUp) {
                return null;
            }
            return atLeast(down, minDownloadMbps)
                    && atLeast(up, minUploadMbps)
                    && (maxLatencyMs == null || latency <= maxLatencyMs)
                    && (!hasPlanDown || atLeast(down, share(minDownloadShareOfPlan, planDown)))
                    && (!hasPlanUp || atLeast(up, share(minUploadShareOfPlan, planUp)));
        }

        private static boolean atLeast(double value, Double minimum) {
            return minimum == null || value >= minimum;
        }

        private static Double share(Double share, double plan) {
            return share == null ? null : share * plan;
        }
    }

    record AggregateCriterion(
            String nameVi,
            String nameEn,
            Compliance.Metric metric,
            Compliance.Comparison comparison,
            double value,
            String source) {

        Compliance.Criterion judge(Double measured) {
            Boolean met = measured == null ? null : comparison.holds(measured, value);
            return new Compliance.Criterion(
                    nameVi, nameEn, metric, comparison, value, measured, met, source);
        }
    }

    record Target2030(
            List<String> sources,
            AccessType accessType,
            double minPlanDownloadMbps,
            double minDownloadShareOfPlan) {}
}
