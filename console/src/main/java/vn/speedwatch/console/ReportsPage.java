package vn.speedwatch.console;

import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import vn.speedwatch.model.Operator;
import vn.speedwatch.reports.ArchivedReport;

/** The report archive with download links, and the form that generates a month's reports. */
final class ReportsPage {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").withZone(ZoneId.of("Asia/Ho_Chi_Minh"));

    private ReportsPage() {}

    static String render(
            String base,
            String nav,
            Session session,
            List<ArchivedReport> reports,
            YearMonth lastMonth,
            String flash) {
        StringBuilder b =
                new StringBuilder("<h1>Báo cáo hằng tháng / Monthly reports</h1>")
                        .append(Html.flash(flash))
                        .append(generateForm(base, session, lastMonth));
        if (reports.isEmpty()) {
            b.append("<p id=\"no-reports\">Chưa có báo cáo nào / No reports yet.</p>");
        } else {
            b.append(
                    "<table class=\"reports\"><thead><tr><th scope=\"col\">Tháng / Month</th>"
                            + "<th scope=\"col\">Nhà mạng / Operator</th><th scope=\"col\">Lập lúc /"
                            + " Generated</th><th scope=\"col\">Người lập / By</th><th scope=\"col\">"
                            + "Tệp / Files</th></tr></thead><tbody>");
            for (ArchivedReport r : reports) {
                b.append("<tr data-report=\"")
                        .append(r.id())
                        .append("\"><td>")
                        .append(r.month())
                        .append("</td><td>")
                        .append(Html.esc(r.operator()))
                        .append("</td><td>")
                        .append(TIME.format(r.generatedAt()))
                        .append("</td><td>")
                        .append(Html.esc(r.generatedBy()))
                        .append("</td><td><a href=\"")
                        .append(base)
                        .append("/reports/")
                        .append(r.id())
                        .append("/pdf\">PDF</a> · " + "<a href=\"")
                        .append(base)
                        .append("/reports/")
                        .append(r.id())
                        .append("/csv\">CSV</a></td></tr>");
            }
            b.append("</tbody></table>");
        }
        return Html.page(base, "Báo cáo / Reports", nav, b.toString());
    }

    private static String generateForm(String base, Session session, YearMonth lastMonth) {
        StringBuilder ops = new StringBuilder("<option value=\"\">Tất cả / All</option>");
        for (Operator o : Operator.values()) {
            if (o != Operator.OTHER) {
                ops.append("<option value=\"")
                        .append(o.name())
                        .append("\">")
                        .append(Html.esc(o.displayName()))
                        .append("</option>");
            }
        }
        return "<form method=\"post\" action=\""
                + base
                + "/reports/generate\" class=\"filters\">"
                + Html.csrfField(session)
                + "<label>Tháng / Month <input type=\"month\""
                + " name=\"month\" id=\"report-month\" required value=\""
                + lastMonth
                + "\">"
                + "</label><label>Nhà mạng / Operator <select name=\"operator\""
                + " id=\"report-operator\">"
                + ops
                + "</select></label><button type=\"submit\""
                + " id=\"generate\">Lập báo cáo / Generate</button></form>";
    }
}
