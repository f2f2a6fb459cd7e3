package vn.speedwatch.reports;

import java.util.Comparator;
import vn.speedwatch.model.AccessType;

/** A report cell: one TDP and one access type of the report's operator. */
record CellKey(String tdpCode, AccessType accessType) implements Comparable<CellKey> {

    private static final Comparator<CellKey> ORDER =
            Comparator.comparing(CellKey::tdpCode).thenComparing(CellKey::accessType);

    @Override
    public int compareTo(CellKey other) {
        return ORDER.compare(this, other);
    }
}
