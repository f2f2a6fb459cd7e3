package vn.speedwatch.reports;

import vn.speedwatch.model.AccessType;
import vn.speedwatch.model.Compliance;
import vn.speedwatch.model.QcvnThresholds;

/**
 * {@link QcvnCheck} by the model's {@link QcvnThresholds}: mean criteria from the exact means,
 * share criteria from the evaluated and passing counts, as the regulations count them.
 */
final class ModelQcvnCheck implements QcvnCheck {

    private final QcvnThresholds thresholds;

    ModelQcvnCheck(QcvnThresholds thresholds) {
        this.thresholds = thresholds;
    }

    @Override
    public QcvnVerdict verdict(AccessType accessType, CellStats s) {
        Compliance c =
                thresholds.complianceOf(
                        accessType,
                        orNaN(s.downloadMean()),
                        orNaN(s.uploadMean()),
                        orNaN(s.latencyMean()),
                        s.qcvnEvaluated(),
                        s.passing());
        return new QcvnVerdict(
                c.met(),
                c.criteria().stream()
                        .map(
                                k ->
                                        new QcvnVerdict.Criterion(
                                                k.nameVi(),
                                                k.nameEn(),
                                                decimalComma(k.requiredText()),
                                                decimalComma(k.measuredText()),
                                                k.met()))
                        .toList());
    }

    /** The model prints "40.4 %"; the letter writes Vietnamese decimals like the other tables. */
    private static String decimalComma(String text) {
        return text.replace('.', ',');
    }

    private static double orNaN(Double d) {
        return d == null ? Double.NaN : d;
    }
}
