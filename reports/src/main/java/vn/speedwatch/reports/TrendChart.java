package vn.speedwatch.reports;

import com.lowagie.text.BadElementException;
import com.lowagie.text.Image;
import com.lowagie.text.pdf.PdfContentByte;
import java.awt.Color;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import vn.speedwatch.model.AccessType;

/**
 * Line chart of the operator's monthly median download per access type over the trend window, drawn
 * with OpenPDF's own graphics. Months below the minimum sample count are left as gaps.
 */
final class TrendChart {

    private static final Map<AccessType, Color> COLORS = colors();
    private static final float LEFT = 40f;
    private static final float BOTTOM = 34f;
    private static final float TOP = 18f;

    private TrendChart() {}

    static Image image(PdfContentByte cb, ReportContent content, float width, float height)
            throws BadElementException {
        Canvas c = new Canvas(cb.createTemplate(width, height));
        List<YearMonth> months = months(content);
        Map<AccessType, Double[]> series = series(content, months);
        double max = niceMax(series);
        float plotW = width - LEFT - 10;
        float plotH = height - BOTTOM - TOP;
        axes(c, months, max, plotW, plotH);
        float lx = LEFT;
        for (Map.Entry<AccessType, Double[]> s : series.entrySet()) {
            plot(c, s.getValue(), COLORS.get(s.getKey()), max, plotW, plotH);
            c.box(lx, 4, 12, 6, COLORS.get(s.getKey()), COLORS.get(s.getKey()));
            c.text(s.getKey().labelVi(), lx + 16, 4, 8, Canvas.left());
            lx += 85;
        }
        if (series.isEmpty()) {
            c.text(
                    "Chưa đủ mẫu để vẽ xu hướng / not enough samples for a trend",
                    LEFT + plotW / 2,
                    BOTTOM + plotH / 2,
                    9,
                    Canvas.center());
        }
        return Image.getInstance(c.template());
    }

    private static List<YearMonth> months(ReportContent content) {
        List<YearMonth> out = new ArrayList<>();
        int n = content.config().trendMonths();
        for (int i = n - 1; i >= 0; i--) {
            out.add(content.month().minusMonths(i));
        }
        return out;
    }

    private static Map<AccessType, Double[]> series(ReportContent content, List<YearMonth> months) {
        Map<AccessType, Double[]> out = new EnumMap<>(AccessType.class);
        for (int i = 0; i < months.size(); i++) {
            Map<AccessType, CellStats> m =
                    content.figures().monthly().getOrDefault(months.get(i), Map.of());
            for (Map.Entry<AccessType, CellStats> e : m.entrySet()) {
                if (e.getValue().samples() >= content.config().minSamples()) {
                    out.computeIfAbsent(e.getKey(), k -> new Double[months.size()])[i] =
                            e.getValue().downloadMedian();
                }
            }
        }
        return out;
    }

    /** The y-axis top: 1, 2 or 5 times a power of ten, above every value. */
    static double niceMax(Map<AccessType, Double[]> series) {
        double max = 1;
        for (Double[] values : series.values()) {
            for (Double v : values) {
                if (v != null) {
                    max = Math.max(max, v);
                }
            }
        }
        double pow = Math.pow(10, Math.floor(Math.log10(max)));
        for (double step : new double[] {1, 2, 5, 10}) {
            if (step * pow >= max) {
                return step * pow;
            }
        }
        return 10 * pow;
    }

    private static void axes(Canvas c, List<YearMonth> months, double max, float w, float h) {
        for (int i = 0; i <= 4; i++) {
            float y = BOTTOM + h * i / 4;
            c.line(LEFT, y, LEFT + w, y, new Color(0xDD, 0xDD, 0xDD), 0.4f);
            c.text(VnFormat.decimal(max * i / 4, 0), LEFT - 4, y - 3, 8, Canvas.right());
        }
        c.text("Mbps", LEFT - 4, BOTTOM + h + 9, 8, Canvas.right());
        c.line(LEFT, BOTTOM, LEFT + w, BOTTOM, Color.BLACK, 0.7f);
        c.line(LEFT, BOTTOM, LEFT, BOTTOM + h, Color.BLACK, 0.7f);
        for (int i = 0; i < months.size(); i++) {
            c.text(
                    VnFormat.month(months.get(i)),
                    x(i, months.size(), w),
                    BOTTOM - 11,
                    7,
                    Canvas.center());
        }
    }

    private static void plot(Canvas c, Double[] values, Color color, double max, float w, float h) {
        for (int i = 0; i < values.length; i++) {
            if (values[i] == null) {
                continue;
            }
            float x = x(i, values.length, w);
            float y = BOTTOM + (float) (values[i] / max) * h;
            if (i > 0 && values[i - 1] != null) {
                float px = x(i - 1, values.length, w);
                float py = BOTTOM + (float) (values[i - 1] / max) * h;
                c.line(px, py, x, y, color, 1.5f);
            }
            c.dot(x, y, 2.2f, color);
        }
    }

    private static float x(int i, int n, float w) {
        return LEFT + w * (i + 0.5f) / n;
    }

    private static Map<AccessType, Color> colors() {
        Map<AccessType, Color> m = new EnumMap<>(AccessType.class);
        m.put(AccessType.FIXED_FIBER, new Color(0x1E, 0x88, 0xE5));
        m.put(AccessType.FIXED_OTHER, new Color(0x5E, 0x35, 0xB1));
        m.put(AccessType.MOBILE_4G, new Color(0xE5, 0x39, 0x35));
        m.put(AccessType.MOBILE_5G, new Color(0xFB, 0x8C, 0x00));
        m.put(AccessType.PUBLIC_WIFI, new Color(0x43, 0xA0, 0x47));
        m.put(AccessType.UNKNOWN, new Color(0x75, 0x75, 0x75));
        return m;
    }
}
