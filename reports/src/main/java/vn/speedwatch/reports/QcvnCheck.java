package vn.speedwatch.reports;

import vn.speedwatch.model.AccessType;

/** Judges merged figures against the QCVN thresholds of their access type. */
interface QcvnCheck {

    QcvnVerdict verdict(AccessType accessType, CellStats stats);
}
