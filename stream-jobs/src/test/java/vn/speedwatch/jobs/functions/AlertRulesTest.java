package vn.speedwatch.jobs.functions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import vn.speedwatch.jobs.functions.AlertRules.Check;
import vn.speedwatch.jobs.functions.AlertRules.Streak;
import vn.speedwatch.jobs.functions.AlertRules.Window;

class AlertRulesTest {

    private final AlertRules rules = AlertRules.defaults();

    @Test
    void medianThirtyPercentBelowBaselineIsBreached() {
        assertThat(rules.medianDrop(median(70.0, 100.0))).isEqualTo(Check.BREACHED);
        assertThat(rules.medianDrop(median(69.0, 100.0))).isEqualTo(Check.BREACHED);
    }

    @Test
    void medianLessThanThirtyPercentBelowBaselineIsHealthy() {
        assertThat(rules.medianDrop(median(71.0, 100.0))).isEqualTo(Check.HEALTHY);
        assertThat(rules.medianDrop(median(120.0, 100.0))).isEqualTo(Check.HEALTHY);
    }

    @Test
    void medianIsNotJudgedWithTooFewSamplesOrWithoutBaseline() {
        assertThat(rules.medianDrop(new Window(19, 10.0, 500, 100.0, 0, 0)))
                .isEqualTo(Check.UNKNOWN);
        assertThat(rules.medianDrop(new Window(50, 10.0, 19, 100.0, 0, 0)))
                .isEqualTo(Check.UNKNOWN);
        assertThat(rules.medianDrop(new Window(50, 10.0, 0, null, 0, 0))).isEqualTo(Check.UNKNOWN);
    }

    @Test
    void moreThanHalfBelowQcvnIsBreached() {
        assertThat(rules.belowQcvn(qcvn(40, 21))).isEqualTo(Check.BREACHED);
        assertThat(rules.belowQcvn(qcvn(40, 20))).isEqualTo(Check.HEALTHY);
    }

    @Test
    void qcvnShareIsNotJudgedWithTooFewEvaluatedSamples() {
        assertThat(rules.belowQcvn(new Window(40, 50.0, 0, null, 19, 19))).isEqualTo(Check.UNKNOWN);
        assertThat(rules.belowQcvn(new Window(40, 50.0, 0, null, 0, 0))).isEqualTo(Check.UNKNOWN);
    }

    @Test
    void oneBadEvaluationDoesNotOpenTwoDo() {
        Streak once = rules.next(Streak.QUIET, Check.BREACHED);
        assertThat(once.open()).isFalse();
        assertThat(rules.next(once, Check.BREACHED).open()).isTrue();
    }

    @Test
    void anUnjudgedOrHealthyEvaluationBreaksTheBadRun() {
        Streak once = rules.next(Streak.QUIET, Check.BREACHED);
        assertThat(rules.next(rules.next(once, Check.UNKNOWN), Check.BREACHED).open()).isFalse();
        assertThat(rules.next(rules.next(once, Check.HEALTHY), Check.BREACHED).open()).isFalse();
    }

    @Test
    void anOpenAlertClosesAfterTwoHealthyEvaluationsOnly() {
        Streak open = rules.next(rules.next(Streak.QUIET, Check.BREACHED), Check.BREACHED);
        Streak healthyOnce = rules.next(open, Check.HEALTHY);
        assertThat(healthyOnce.open()).isTrue();
        assertThat(rules.next(healthyOnce, Check.UNKNOWN).open()).isTrue();
        assertThat(rules.next(healthyOnce, Check.HEALTHY).open()).isFalse();
    }

    @Test
    void runsStayBoundedWhileNothingChanges() {
        Streak s = Streak.QUIET;
        for (int i = 0; i < 1000; i++) {
            s = rules.next(s, Check.BREACHED);
        }
        assertThat(s).isEqualTo(new Streak(true, 2, 0));
    }

    @Test
    void settingsOutsideTheirRangeAreRefused() {
        assertThatThrownBy(() -> AlertRules.of(0, 0.3, 0.5)).hasMessageContaining("minSamples");
        assertThatThrownBy(() -> AlertRules.of(20, 1.3, 0.5)).hasMessageContaining("medianDrop");
        assertThatThrownBy(() -> AlertRules.of(20, 0.3, 0)).hasMessageContaining("belowQcvnShare");
    }

    private static Window median(double median24h, double baseline) {
        return new Window(40, median24h, 400, baseline, 0, 0);
    }

    private static Window qcvn(long evaluated, long below) {
        return new Window(evaluated, 50.0, 0, null, evaluated, below);
    }
}
