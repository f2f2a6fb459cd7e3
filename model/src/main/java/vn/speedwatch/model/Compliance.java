package vn.speedwatch.model;

import java.util.List;

/**
 * The aggregate QCVN verdict for one group of measurements (a TDP, an operator, an access type, a
 * month): each criterion with what the regulation requires, what was measured and whether it was
 * met. Reports print it criterion by criterion.
 *
 * @param accessType the access type judged
 * @param thresholdsVersion version of the threshold file used, printed in reports
 * @param sourceIds the sources of the rule applied (see {@link QcvnThresholds#sources()})
 * @param criteria the criteria, empty when no threshold applies to the access type
 * @param evaluated samples a per-sample threshold applied to
 * @param passing of those, samples that passed
 */
public record Compliance(
        AccessType accessType,
        String thresholdsVersion,
        List<String> sourceIds,
        List<Criterion> criteria,
        long evaluated,
        long passing) {

    public Compliance {
        sourceIds = List.copyOf(sourceIds);
        criteria = List.copyOf(criteria);
    }

    /** What a criterion measures. */
    public enum Metric {
        MEAN_DOWNLOAD_MBPS("Mbit/s"),
        MEAN_UPLOAD_MBPS("Mbit/s"),
        MEAN_LATENCY_MS("ms"),
        /** Share (0..1) of evaluated samples that passed the per-sample threshold. */
        PASSING_SHARE("%");

        private final String unit;

        Metric(String unit) {
            this.unit = unit;
        }

        public String unit() {
            return unit;
        }
    }

    /** Whether the measured value must be at least or at most the required one. */
    public enum Comparison {
        AT_LEAST("≥"),
        AT_MOST("≤");

        private final String symbol;

        Comparison(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }

        boolean holds(double measured, double required) {
            return this == AT_LEAST ? measured >= required : measured <= required;
        }
    }

    /**
     * One criterion of the verdict.
     *
     * @param measured null when there was nothing to measure (no evaluated samples, NaN mean)
     * @param met null when {@code measured} is null
     * @param sourceId the source this criterion comes from
     */
    public record Criterion(
            String nameVi,
            String nameEn,
            Metric metric,
            Comparison comparison,
            double required,
            Double measured,
            Boolean met,
            String sourceId) {

        /** The requirement as people read it: "≥ 100 Mbit/s", "≥ 95 %", "≤ 50 ms". */
        public String requiredText() {
            return comparison.symbol() + " " + display(required) + " " + metric.unit();
        }

        /** The measured value in the same unit, or "—" when nothing was measured. */
        public String measuredText() {
            return measured == null ? "—" : display(measured) + " " + metric.unit();
        }

        private String display(double value) {
            double shown = metric == Metric.PASSING_SHARE ? value * 100 : value;
            return Violations.number(Math.round(shown * 10) / 10.0);
        }
    }

    /**
     * False when a criterion is not met; otherwise true when every criterion is met, null when no
     * threshold applies or a criterion could not be measured.
     */
    public Boolean met() {
        if (criteria.stream().anyMatch(c -> Boolean.FALSE.equals(c.met()))) {
            return false;
        }
        if (criteria.isEmpty() || criteria.stream().anyMatch(c -> c.met() == null)) {
            return null;
        }
        return true;
    }
}
