package vn.speedwatch.console;

import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import vn.speedwatch.model.AccessType;
import vn.speedwatch.model.Area;
import vn.speedwatch.model.Operator;

/**
 * The ward map: every TDP coloured by the month's median download or by the share of tests below
 * QCVN, for one operator and access type; grey where the cell has too few tests or devices.
 */
final class MapPage {

    /** What the official chose; {@code belowQcvn} picks the second measure. */
    record Choice(Operator operator, AccessType access, YearMonth month, boolean belowQcvn) {}

    private MapPage() {}

    static String render(
            String base,
            String nav,
            List<Area> areas,
            Map<String, MapCell> cells,
            Choice c,
            ConsoleConfig config) {
        List<ColourScale.Band> bands =
                c.belowQcvn() ? ColourScale.BELOW_QCVN : ColourScale.DOWNLOAD;
        String measure =
                c.belowQcvn()
                        ? "Tỷ lệ dưới QCVN / Share below QCVN"
                        : "Trung vị tải xuống / Median download";
        String svg =
                new TdpMapSvg(areas)
                        .render(
                                a -> paint(a, cells, c, config, bands),
                                measure
                                        + ", "
                                        + c.operator().displayName()
                                        + ", "
                                        + c.access().labelVi()
                                        + ", "
                                        + c.month());
        return Html.page(
                base,
                "Bản đồ / Map",
                nav,
                "<h1>Chất lượng theo tổ dân phố / Quality"
                        + " by TDP</h1>"
                        + form(base, c)
                        + "<div class=\"map-wrap\">"
                        + svg
                        + "</div>"
                        + legend(bands, measure)
                        + table(areas, cells, config));
    }

    private static TdpMapSvg.Paint paint(
            Area a,
            Map<String, MapCell> cells,
            Choice c,
            ConsoleConfig config,
            List<ColourScale.Band> bands) {
        MapCell cell = cells.get(a.code());
        Double value =
                cell == null
                        ? null
                        : c.belowQcvn() ? percent(cell.belowQcvnShare()) : cell.downloadMedian();
        if (cell == null
                || value == null
                || !cell.enough(config.minSamples(), config.minDevices())) {
            return new TdpMapSvg.Paint(ColourScale.NOT_ENOUGH, "chưa đủ mẫu / not enough samples");
        }
        ColourScale.Band band = ColourScale.band(bands, value);
        return new TdpMapSvg.Paint(band.colour(), fmt(value) + (c.belowQcvn() ? " %" : " Mbit/s"));
    }

    private static String form(String base, Choice c) {
        StringBuilder ops = new StringBuilder();
        for (Operator o : Operator.values()) {
            ops.append(option(o.name(), o.displayName(), o == c.operator()));
        }
        StringBuilder acc = new StringBuilder();
        for (AccessType a : AccessType.values()) {
            if (a != AccessType.UNKNOWN) {
                acc.append(option(a.name(), a.labelVi() + " / " + a.labelEn(), a == c.access()));
            }
        }
        return "<form method=\"get\" action=\""
                + base
                + "/map\" class=\"filters\">"
                + "<label>Nhà mạng / Operator <select name=\"operator\" id=\"operator\">"
                + ops
                + "</select></label><label>Loại kết nối / Access <select name=\"access\""
                + " id=\"access\">"
                + acc
                + "</select></label><label>Tháng / Month <input"
                + " type=\"month\" name=\"month\" id=\"month\" value=\""
                + c.month()
                + "\">"
                + "</label><label>Chỉ số / Measure <select name=\"measure\" id=\"measure\">"
                + option("download", "Trung vị tải xuống / Median download", !c.belowQcvn())
                + option("below", "Tỷ lệ dưới QCVN / Share below QCVN", c.belowQcvn())
                + "</select></label><button type=\"submit\">Xem / Show</button></form>";
    }

    private static String legend(List<ColourScale.Band> bands, String measure) {
        StringBuilder b =
                new StringBuilder(
                        "<ul class=\"legend\" aria-label=\"Chú giải / Legend: "
                                + Html.esc(measure)
                                + "\">");
        for (ColourScale.Band band : bands) {
            b.append(item(band.colour(), band.label()));
        }
        b.append(item(ColourScale.NOT_ENOUGH, "Chưa đủ mẫu / Not enough samples"));
        return b.append("</ul>").toString();
    }

    private static String item(String colour, String label) {
        return "<li><svg width=\"16\" height=\"16\" aria-hidden=\"true\"><rect width=\"16\""
                + " height=\"16\" fill=\""
                + colour
                + "\" stroke=\"#333\"/></svg> "
                + Html.esc(label)
                + "</li>";
    }

    private static String table(
            List<Area> areas, Map<String, MapCell> cells, ConsoleConfig config) {
        StringBuilder b =
                new StringBuilder(
                        "<table class=\"cells\"><caption>Số liệu từng tổ /"
                                + " Figures per TDP</caption><thead><tr><th scope=\"col\">Tổ / TDP</th>"
                                + "<th scope=\"col\">Số lần đo / Tests</th><th scope=\"col\">Trung vị /"
                                + " Median (Mbit/s)</th><th scope=\"col\">Dưới QCVN / Below</th></tr></thead>"
                                + "<tbody>");
        for (Area a : areas) {
            MapCell c = cells.get(a.code());
            boolean enough = c != null && c.enough(config.minSamples(), config.minDevices());
            b.append("<tr data-tdp=\"")
                    .append(Html.esc(a.code()))
                    .append("\"><th scope=\"row\">")
                    .append(Html.esc(a.name()))
                    .append("</th><td>")
                    .append(c == null ? 0 : c.samples())
                    .append("</td>");
            if (enough) {
                b.append("<td>")
                        .append(fmtOrDash(c.downloadMedian()))
                        .append("</td><td>")
                        .append(fmtOrDash(percent(c.belowQcvnShare())))
                        .append(" %</td>");
            } else {
                b.append("<td colspan=\"2\">chưa đủ mẫu / not enough samples</td>");
            }
            b.append("</tr>");
        }
        return b.append("</tbody></table>").toString();
    }

    private static String option(String value, String label, boolean selected) {
        return "<option value=\""
                + Html.esc(value)
                + "\""
                + (selected ? " selected" : "")
                + ">"
                + Html.esc(label)
                + "</option>";
    }

    private static Double percent(Double share) {
        return share == null ? null : share * 100;
    }

    private static String fmtOrDash(Double v) {
        return v == null ? "–" : fmt(v);
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
