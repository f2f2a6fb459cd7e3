package vn.speedwatch.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static vn.speedwatch.model.AccessType.FIXED_FIBER;
import static vn.speedwatch.model.AccessType.FIXED_OTHER;
import static vn.speedwatch.model.AccessType.MOBILE_4G;
import static vn.speedwatch.model.AccessType.MOBILE_5G;
import static vn.speedwatch.model.AccessType.PUBLIC_WIFI;
import static vn.speedwatch.model.AccessType.UNKNOWN;

import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** The bundled thresholds judge tests and groups of tests as the regulations say. */
class QcvnThresholdsTest {

    private final QcvnThresholds qcvn = QcvnThresholds.load();

    @Test
    void isVersionedAndCitesItsSources() {
        assertThat(qcvn.version()).isEqualTo("thresholds-v1");
        assertThat(qcvn.sources())
                .extracting(QcvnThresholds.Source::citation)
                .contains(
                        "QCVN 34:2019/BTTTT",
                        "QCVN 126:2021/BTTTT, mục 2.1.5",
                        "Quyết định 36/QĐ-TTg (2025)");
        assertThat(qcvn.sources())
                .allSatisfy(
                        s -> {
                            assertThat(s.titleVi()).isNotBlank();
                            assertThat(s.titleEn()).isNotBlank();
                        });
    }

    @ParameterizedTest
    @EnumSource(
            value = AccessType.class,
            names = {"FIXED_FIBER", "FIXED_OTHER", "MOBILE_4G", "MOBILE_5G"})
    void everyRuleAndCriterionCitesAKnownSource(AccessType type) {
        Set<String> known =
                qcvn.sources().stream().map(QcvnThresholds.Source::id).collect(Collectors.toSet());

        Compliance c = qcvn.complianceOf(type, 1, 1, 1, 1, 1);

        assertThat(c.sourceIds()).isNotEmpty();
        assertThat(known).containsAll(c.sourceIds());
        assertThat(c.criteria())
                .extracting(Compliance.Criterion::sourceId)
                .allMatch(known::contains);
    }

    @ParameterizedTest(name = "{0}: down {1}/{4}, up {2}/{5}, latency {3} → {6}")
    @CsvSource(
            nullValues = "null",
            value = {
                "FIXED_FIBER, 80, 80, 50, 100, 100, true",
                "FIXED_FIBER, 79.9, 80, 50, 100, 100, false",
                "FIXED_FIBER, 80, 79.9, 50, 100, 100, false",
                "FIXED_FIBER, 95, 95, 50.1, 100, 100, false",
                "FIXED_FIBER, 900, 900, 5, null, null, null",
                "FIXED_FIBER, 85, 1, 20, 100, null, true",
                "FIXED_OTHER, 16, 1, 30, 20, 2, false",
                "FIXED_OTHER, 16, 1.6, 30, 20, 2, true",
                "MOBILE_4G, 40, 1, 300, null, null, true",
                "MOBILE_4G, 39.9, 50, 10, null, null, false",
                "MOBILE_5G, 30, 1, 300, null, null, true",
                "MOBILE_5G, 29.9, 100, 10, null, null, false",
                "PUBLIC_WIFI, 1, 1, 900, 100, 100, null",
                "UNKNOWN, 500, 500, 5, null, null, null"
            })
    void judgesOneSample(
            AccessType type,
            double down,
            double up,
            double latency,
            Double planDown,
            Double planUp,
            Boolean expected) {
        assertThat(qcvn.samplePasses(type, down, up, latency, planDown, planUp))
                .isEqualTo(expected);
    }

    @Test
    void treatsAMissingAccessTypeAsUnknown() {
        assertThat(qcvn.samplePasses(null, 100, 100, 10, 100.0, 100.0)).isNull();
    }

    @ParameterizedTest(name = "{0}: down {1} on a {2} plan → {3}")
    @CsvSource(
            nullValues = "null",
            value = {
                "FIXED_FIBER, 800, 1000, true",
                "FIXED_FIBER, 799, 1000, false",
                "FIXED_FIBER, 2000, 2000, true",
                "FIXED_FIBER, 500, 500, false",
                "FIXED_FIBER, 950, null, false",
                "FIXED_OTHER, 950, 1000, null",
                "MOBILE_5G, 1200, null, null",
                "PUBLIC_WIFI, 1200, 1000, null"
            })
    void judgesTheWard2030Target(AccessType type, double down, Double plan, Boolean expected) {
        assertThat(qcvn.meets2030Target(type, down, plan)).isEqualTo(expected);
    }

    @Test
    void fiveGComplianceListsTheFourCriteria() {
        Compliance c = qcvn.complianceOf(MOBILE_5G, 120, 35, 40, 100, 96);

        assertThat(c.met()).isTrue();
        assertThat(c.thresholdsVersion()).isEqualTo("thresholds-v1");
        assertThat(c.criteria())
                .extracting(
                        Compliance.Criterion::nameEn,
                        Compliance.Criterion::requiredText,
                        Compliance.Criterion::measuredText)
                .containsExactly(
                        tuple("Mean download speed", "≥ 100 Mbit/s", "120 Mbit/s"),
                        tuple("Mean upload speed", "≥ 30 Mbit/s", "35 Mbit/s"),
                        tuple("Share of samples with download ≥ 30 Mbit/s", "≥ 95 %", "96 %"),
                        tuple("Mean latency", "≤ 50 ms", "40 ms"));
        assertThat(c.criteria().get(0).nameVi()).isEqualTo("Tốc độ tải xuống trung bình");
    }

    @Test
    void oneFailedCriterionFailsTheVerdict() {
        Compliance c = qcvn.complianceOf(MOBILE_5G, 120, 35, 40, 100, 94);

        assertThat(c.met()).isFalse();
        assertThat(c.criteria())
                .filteredOn(k -> !k.met())
                .extracting(Compliance.Criterion::metric)
                .containsExactly(Compliance.Metric.PASSING_SHARE);
    }

    @Test
    void fourGIsJudgedOnMeanDownload() {
        assertThat(qcvn.complianceOf(MOBILE_4G, 41, 5, 60, 10, 4).met()).isTrue();
        assertThat(qcvn.complianceOf(MOBILE_4G, 39, 50, 20, 10, 9).met()).isFalse();
    }

    @Test
    void fixedLinesWithoutPlanSpeedsCannotBeJudged() {
        Compliance c = qcvn.complianceOf(FIXED_FIBER, 300, 300, 10, 0, 0);

        assertThat(c.met()).isNull();
        assertThat(c.criteria())
                .filteredOn(k -> k.metric() == Compliance.Metric.PASSING_SHARE)
                .singleElement()
                .satisfies(
                        k -> {
                            assertThat(k.measured()).isNull();
                            assertThat(k.measuredText()).isEqualTo("—");
                        });
        assertThat(qcvn.complianceOf(FIXED_OTHER, 50, 10, 20, 20, 19).met()).isTrue();
        assertThat(qcvn.complianceOf(FIXED_OTHER, 50, 10, 20, 20, 10).met()).isFalse();
    }

    @Test
    void publicWifiAndUnknownAreNotJudged() {
        for (AccessType type : new AccessType[] {PUBLIC_WIFI, UNKNOWN}) {
            Compliance c = qcvn.complianceOf(type, 10, 10, 10, 0, 0);
            assertThat(c.criteria()).isEmpty();
            assertThat(c.met()).isNull();
        }
    }

    @Test
    void aMeanOverNoSamplesIsNotMeasured() {
        Compliance c = qcvn.complianceOf(MOBILE_4G, Double.NaN, Double.NaN, Double.NaN, 0, 0);

        assertThat(c.criteria()).singleElement().satisfies(k -> assertThat(k.met()).isNull());
        assertThat(c.met()).isNull();
    }
}
