package vn.speedwatch.reports;

import com.lowagie.text.BadElementException;
import com.lowagie.text.Image;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfTemplate;
import java.awt.Color;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import vn.speedwatch.model.Area;

/**
 * The ward's TDP polygons coloured by the operator's worst verdict in each, drawn offline from the
 * area registry's geometries (no map tiles, no network). Longitude is scaled by cos(latitude) so
 * shapes keep their proportions.
 */
final class TdpMap {

    static final Map<CellStatus, Color> COLORS = colors();
    private static final Color NO_DATA = Color.WHITE;
    private static final float LEGEND = 34f;

    private TdpMap() {}

    static Image image(PdfContentByte cb, ReportContent content, float width, float height)
            throws BadElementException {
        Canvas canvas = new Canvas(cb.createTemplate(width, height));
        List<Area> areas = content.areas();
        if (areas.isEmpty()) {
            canvas.text(
                    "Chưa có ranh giới tổ dân phố / no TDP boundaries",
                    width / 2,
                    height / 2,
                    10,
                    Canvas.center());
        } else {
            Projection p = Projection.fit(areas, width, height - LEGEND);
            Map<String, CellStatus> worst = worstByTdp(content.lines());
            for (Area a : areas) {
                fill(canvas.template(), a.geometry(), p, colorOf(worst.get(a.code())));
            }
            for (Area a : areas) {
                label(canvas, a, p);
            }
        }
        legend(canvas);
        return Image.getInstance(canvas.template());
    }

    /** Worst verdict per TDP over its access types: flagged beats met beats the rest. */
    static Map<String, CellStatus> worstByTdp(List<TdpLine> lines) {
        Map<String, CellStatus> out = new HashMap<>();
        for (TdpLine l : lines) {
            out.merge(l.key().tdpCode(), CellStatus.of(l), (a, b) -> a.compareTo(b) <= 0 ? a : b);
        }
        return out;
    }

    private static Color colorOf(CellStatus status) {
        return status == null ? NO_DATA : COLORS.get(status);
    }

    private static void fill(PdfTemplate t, Geometry g, Projection p, Color color) {
        t.setColorFill(color);
        t.setColorStroke(Color.DARK_GRAY);
        t.setLineWidth(0.6f);
        for (int i = 0; i < g.getNumGeometries(); i++) {
            Polygon poly = (Polygon) g.getGeometryN(i);
            ring(t, poly.getExteriorRing().getCoordinates(), p);
            for (int h = 0; h < poly.getNumInteriorRing(); h++) {
                ring(t, poly.getInteriorRingN(h).getCoordinates(), p);
            }
        }
        // Even-odd keeps holes (a lake, an enclosed TDP) empty.
        t.eoFillStroke();
    }

    private static void ring(PdfTemplate t, Coordinate[] ring, Projection p) {
        t.moveTo(p.x(ring[0].x), p.y(ring[0].y));
        for (int i = 1; i < ring.length; i++) {
            t.lineTo(p.x(ring[i].x), p.y(ring[i].y));
        }
        t.closePath();
    }

    private static void label(Canvas canvas, Area a, Projection p) {
        Point at = a.geometry().getInteriorPoint();
        String code = a.code().replaceFirst("^TDP-0?", "");
        canvas.text(
                code,
                p.x(at.getX()),
                p.y(at.getY()) - 3,
                8,
                Canvas.center(),
                PdfFonts.BOLD,
                Color.BLACK);
    }

    private static void legend(Canvas c) {
        float x = 0;
        for (CellStatus s : CellStatus.values()) {
            c.box(x, 14, 10, 8, COLORS.get(s), Color.DARK_GRAY);
            c.text(s.vi, x + 13, 15, 8, Canvas.left());
            x += 120;
        }
        c.box(0, 1, 10, 8, NO_DATA, Color.DARK_GRAY);
        c.text("Không có số liệu (no data); số trên bản đồ = số TDP", 13, 2, 8, Canvas.left());
    }

    private static Map<CellStatus, Color> colors() {
        Map<CellStatus, Color> m = new EnumMap<>(CellStatus.class);
        m.put(CellStatus.FLAGGED, new Color(0xE5, 0x73, 0x73));
        m.put(CellStatus.MET, new Color(0x81, 0xC7, 0x84));
        m.put(CellStatus.NOT_EVALUATED, new Color(0x90, 0xCA, 0xF9));
        m.put(CellStatus.INSUFFICIENT, new Color(0xD6, 0xD6, 0xD6));
        return m;
    }

    /** Lon/lat to template points, centred, with the legend band kept free at the bottom. */
    private record Projection(Envelope env, double scale, double kx, float dx, float dy) {

        static Projection fit(List<Area> areas, float width, float height) {
            Envelope env = new Envelope();
            areas.forEach(a -> env.expandToInclude(a.geometry().getEnvelopeInternal()));
            double kx = Math.cos(Math.toRadians(env.centre().y));
            double scale = Math.min(width / (env.getWidth() * kx), height / env.getHeight());
            float dx = (float) (width - env.getWidth() * kx * scale) / 2;
            float dy = (float) (height - env.getHeight() * scale) / 2 + LEGEND;
            return new Projection(env, scale, kx, dx, dy);
        }

        float x(double lon) {
            return dx + (float) ((lon - env.getMinX()) * kx * scale);
        }

        float y(double lat) {
            return dy + (float) ((lat - env.getMinY()) * scale);
        }
    }
}
