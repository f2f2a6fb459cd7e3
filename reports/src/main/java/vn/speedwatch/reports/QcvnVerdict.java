package vn.speedwatch.reports;

import java.util.List;

/**
 * The QCVN verdict of a cell or an access type, copied from the model's compliance result so the
 * renderers do not depend on its shape.
 *
 * @param met true/false when a threshold applies, null when none does (e.g. public Wi-Fi)
 */
record QcvnVerdict(Boolean met, List<Criterion> criteria) {

    static final QcvnVerdict NOT_EVALUATED = new QcvnVerdict(null, List.of());

    /** One criterion as the regulation states it, with the measured value. */
    record Criterion(String nameVi, String nameEn, String required, String measured, Boolean met) {}

    boolean failed() {
        return Boolean.FALSE.equals(met);
    }
}
