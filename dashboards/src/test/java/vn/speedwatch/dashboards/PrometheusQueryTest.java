package vn.speedwatch.dashboards;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every Prometheus query reads metrics that exist: the collector's (its constants class, read from
 * source so this module needs no dependency on the collector) and Flink's (listed with their source
 * in {@code flink-metrics.txt}, checked against the stream jobs' code).
 */
class PrometheusQueryTest {

    private static final Path COLLECTOR_METRICS =
            Path.of("collector/src/main/java/vn/speedwatch/collector/CollectorMetrics.java");
    private static final Pattern PROM_CONSTANT =
            Pattern.compile("String \\w+_PROM\\s*=\\s*\"([a-z_:]+)\"");

    /** Micrometer's Prometheus series of a timer or histogram. */
    private static final List<String> HISTOGRAM_SUFFIXES =
            List.of("_bucket", "_count", "_sum", "_max");

    @Test
    void tokenizerFindsMetricNamesOnly() {
        assertThat(
                        PromQlMetricNames.of(
                                "histogram_quantile(0.95, sum by (le) "
                                        + "(rate(http_seconds_bucket{route=\"/x\", le!=\"a b\"}[5m])))"))
                .containsExactly("http_seconds_bucket");
        assertThat(
                        PromQlMetricNames.of(
                                "sum(rate(a_total[$__rate_interval])) / on (job) "
                                        + "group_left (instance) b offset 1h"))
                .containsExactly("a_total", "b");
    }

    @Test
    void everyPrometheusQueryReadsAnExportedMetric() throws IOException {
        Set<String> exported = collectorMetrics();
        exported.addAll(flinkMetrics());
        List<PanelQuery> prom =
                Provisioning.queries().stream()
                        .filter(q -> q.datasourceUid().equals("speedwatch-prom"))
                        .toList();
        assertThat(prom).hasSizeGreaterThanOrEqualTo(6);
        for (PanelQuery q : prom) {
            Set<String> names = PromQlMetricNames.of(q.expr());
            assertThat(names).as("%s reads a metric", q).isNotEmpty();
            for (String name : names) {
                assertThat(isExported(name, exported))
                        .as("%s reads %s, which nothing exports", q, name)
                        .isTrue();
            }
        }
    }

    @Test
    void collectorMetricsTheDashboardNeedsAreStillDeclared() throws IOException {
        assertThat(collectorMetrics())
                .contains(
                        "speedwatch_measurements_accepted_total",
                        "speedwatch_measurements_rejected_total",
                        "speedwatch_kafka_send_seconds");
    }

    @Test
    void customFlinkCountersAreRegisteredByTheStreamJobs() throws IOException {
        Path jobs = Provisioning.repositoryRoot().resolve("stream-jobs/src/main/java");
        String code;
        try (var files = Files.walk(jobs)) {
            StringBuilder all = new StringBuilder();
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                all.append(Files.readString(f));
            }
            code = all.toString();
        }
        for (String line : flinkLines()) {
            if (line.contains("stream-jobs")) {
                String metric =
                        line.split("\\|")[0]
                                .strip()
                                .replace("flink_taskmanager_job_task_operator_", "");
                assertThat(code)
                        .as("stream-jobs registers %s", metric)
                        .contains("counter(\"" + metric + "\")");
            }
        }
    }

    private static boolean isExported(String name, Set<String> exported) {
        if (exported.contains(name)) {
            return true;
        }
        return HISTOGRAM_SUFFIXES.stream()
                .anyMatch(
                        s ->
                                name.endsWith(s)
                                        && exported.contains(
                                                name.substring(0, name.length() - s.length())));
    }

    private static Set<String> collectorMetrics() throws IOException {
        String source = Files.readString(Provisioning.repositoryRoot().resolve(COLLECTOR_METRICS));
        Set<String> names = new HashSet<>();
        Matcher m = PROM_CONSTANT.matcher(source);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    private static Set<String> flinkMetrics() throws IOException {
        Set<String> names = new HashSet<>();
        for (String line : flinkLines()) {
            names.add(line.split("\\|")[0].strip());
        }
        return names;
    }

    private static List<String> flinkLines() throws IOException {
        try (InputStream in = PrometheusQueryTest.class.getResourceAsStream("/flink-metrics.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("#"))
                    .toList();
        }
    }
}
