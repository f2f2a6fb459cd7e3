package vn.speedwatch.console;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import vn.speedwatch.model.Area;

/**
 * Draws the ward's TDPs as an SVG from the area registry's boundaries: no tiles, nothing fetched
 * from elsewhere. Longitude is scaled by cos(latitude) so the ward keeps its shape.
 */
final class TdpMapSvg {

    static final int WIDTH = 640;

    /** How a TDP is painted: its fill and the text of its tooltip. */
    record Paint(String fill, String title) {}

    private final List<Area> areas;
    private final Envelope bounds = new Envelope();
    private final double xScale;
    private final double scale;

    TdpMapSvg(List<Area> areas) {
        this.areas = areas;
        areas.forEach(a -> bounds.expandToInclude(a.geometry().getEnvelopeInternal()));
        this.xScale = Math.cos(Math.toRadians(bounds.centre().y));
        this.scale = WIDTH / Math.max(1e-9, bounds.getWidth() * xScale);
    }

    String render(Function<Area, Paint> paint, String label) {
        int height = (int) Math.ceil(bounds.getHeight() * scale);
        StringBuilder b = new StringBuilder();
        b.append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"-2 -2 ")
                .append(WIDTH + 4)
                .append(' ')
                .append(height + 4)
                .append("\" role=\"img\" aria-label=\"")
                .append(Html.esc(label))
                .append("\" class=\"map\">");
        for (Area a : areas) {
            Paint p = paint.apply(a);
            b.append("<path data-tdp=\"")
                    .append(Html.esc(a.code()))
                    .append("\" fill=\"")
                    .append(p.fill())
                    .append("\" fill-rule=\"evenodd\" d=\"")
                    .append(path(a.geometry()))
                    .append("\"><title>")
                    .append(Html.esc(a.name() + " (" + a.code() + "): " + p.title()))
                    .append("</title></path>");
        }
        for (Area a : areas) {
            Point c = a.geometry().getInteriorPoint();
            b.append("<text x=\"")
                    .append(fmt(x(c.getX())))
                    .append("\" y=\"")
                    .append(fmt(y(c.getY())))
                    .append("\" class=\"label\">")
                    .append(Html.esc(a.code().replace("TDP-", "")))
                    .append("</text>");
        }
        return b.append("</svg>").toString();
    }

    private String path(Geometry g) {
        StringBuilder d = new StringBuilder();
        for (int i = 0; i < g.getNumGeometries(); i++) {
            Polygon p = (Polygon) g.getGeometryN(i);
            ring(d, p.getExteriorRing().getCoordinates());
            for (int h = 0; h < p.getNumInteriorRing(); h++) {
                ring(d, p.getInteriorRingN(h).getCoordinates());
            }
        }
        return d.toString();
    }

    private void ring(StringBuilder d, Coordinate[] points) {
        for (int i = 0; i < points.length; i++) {
            d.append(i == 0 ? 'M' : 'L')
                    .append(fmt(x(points[i].x)))
                    .append(',')
                    .append(fmt(y(points[i].y)));
        }
        d.append('Z');
    }

    private double x(double lon) {
        return (lon - bounds.getMinX()) * xScale * scale;
    }

    private double y(double lat) {
        return (bounds.getMaxY() - lat) * scale;
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
