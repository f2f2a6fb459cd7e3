package vn.speedwatch.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.TopologyException;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.index.strtree.STRtree;
import org.locationtech.jts.operation.relateng.RelateNG;

/**
 * Finds TDPs whose interiors overlap. TDPs must tile the ward: a point inside two of them would be
 * counted for whichever code sorts first, silently shortchanging the other.
 */
final class AreaOverlaps {

    /** One indexed TDP: the area, its prepared boundary, and its 1-based place in the file. */
    record Entry(Area area, PreparedGeometry prepared, int featureNumber) {}

    /**
     * Overlaps smaller than this (square degrees, about 1 m² at 21°N) are rounding slivers from
     * digitising shared edges twice, not real overlaps.
     */
    private static final double SLIVER_DEG2 = 1e-10;

    private static final double M_PER_DEGREE = 111_320;

    /** DE-9IM pattern: the interiors of the two areas share at least one point. */
    private static final String INTERIORS_MEET = "T********";

    private AreaOverlaps() {}

    /** One problem line per overlapping pair, each pair reported once. */
    static List<String> find(List<Entry> entries, STRtree index) {
        List<String> problems = new ArrayList<>();
        for (Entry a : entries) {
            Geometry geometry = a.area().geometry();
            RelateNG relate = null;
            for (Object item : index.query(geometry.getEnvelopeInternal())) {
                Entry b = (Entry) item;
                if (b.featureNumber() <= a.featureNumber() || onlyTouch(geometry, b)) {
                    continue;
                }
                // Prepared once per area: neighbours sharing an edge are the common case.
                relate = relate == null ? RelateNG.prepare(geometry) : relate;
                if (relate.evaluate(b.area().geometry(), INTERIORS_MEET) && bigEnough(a, b)) {
                    problems.add(describe(a, b));
                }
            }
        }
        return problems;
    }

    /** Boxes that meet only along a line cannot hold overlapping interiors: no need to relate. */
    private static boolean onlyTouch(Geometry a, Entry b) {
        Envelope common =
                a.getEnvelopeInternal().intersection(b.area().geometry().getEnvelopeInternal());
        return common.getWidth() == 0 || common.getHeight() == 0;
    }

    private static boolean bigEnough(Entry a, Entry b) {
        try {
            return a.area().geometry().intersection(b.area().geometry()).getArea() > SLIVER_DEG2;
        } catch (TopologyException e) {
            // Robustness failure on near-coincident edges: the interiors do meet, so report it.
            return true;
        }
    }

    private static String describe(Entry a, Entry b) {
        Geometry ga = a.area().geometry();
        double squareMetres;
        try {
            double lat = Math.toRadians(ga.getCentroid().getY());
            squareMetres =
                    ga.intersection(b.area().geometry()).getArea()
                            * M_PER_DEGREE
                            * M_PER_DEGREE
                            * Math.cos(lat);
        } catch (TopologyException e) {
            squareMetres = Double.NaN;
        }
        String size =
                Double.isNaN(squareMetres)
                        ? ""
                        : String.format(Locale.ROOT, " by about %.0f m²", squareMetres);
        return "feature #"
                + b.featureNumber()
                + " ("
                + b.area().code()
                + ") overlaps feature #"
                + a.featureNumber()
                + " ("
                + a.area().code()
                + ")"
                + size
                + ": TDPs must share edges, not cover the same ground";
    }
}
