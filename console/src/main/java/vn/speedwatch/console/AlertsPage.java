package vn.speedwatch.console;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import vn.speedwatch.warehouse.AlertRow;

/** Open and acknowledged alerts, each with acknowledge and close buttons. */
final class AlertsPage {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").withZone(ZoneId.of("Asia/Ho_Chi_Minh"));

    private AlertsPage() {}

    static String render(
            String base, String nav, Session session, List<AlertRow> alerts, String flash) {
        StringBuilder b =
                new StringBuilder("<h1>Cảnh báo đang mở / Open alerts</h1>")
                        .append(Html.flash(flash));
        if (alerts.isEmpty()) {
            b.append("<p id=\"no-alerts\">Không có cảnh báo nào / No open alerts.</p>");
            return Html.page(base, "Cảnh báo / Alerts", nav, b.toString());
        }
        b.append(
                "<table class=\"alerts\"><thead><tr><th scope=\"col\">Tổ / TDP</th>"
                        + "<th scope=\"col\">Nhà mạng / Operator</th><th scope=\"col\">Loại / Kind</th>"
                        + "<th scope=\"col\">Mở lúc / Opened</th><th scope=\"col\">Trạng thái / Status"
                        + "</th><th scope=\"col\">Thao tác / Actions</th></tr></thead><tbody>");
        for (AlertRow a : alerts) {
            b.append("<tr data-alert=\"")
                    .append(a.id())
                    .append("\"><td>")
                    .append(Html.esc(a.tdpCode()))
                    .append("</td><td>")
                    .append(Html.esc(operator(a) + " · " + access(a)))
                    .append("</td><td>")
                    .append(kind(a))
                    .append("</td><td>")
                    .append(TIME.format(a.openedAt()))
                    .append("</td><td>")
                    .append(status(a))
                    .append("</td><td>")
                    .append(actions(base, session, a))
                    .append("</td></tr>");
        }
        return Html.page(base, "Cảnh báo / Alerts", nav, b.append("</tbody></table>").toString());
    }

    private static String operator(AlertRow a) {
        return java.util.Arrays.stream(vn.speedwatch.model.Operator.values())
                .filter(o -> o.name().equals(a.operator()))
                .findFirst()
                .map(vn.speedwatch.model.Operator::displayName)
                .orElse(a.operator());
    }

    private static String access(AlertRow a) {
        return java.util.Arrays.stream(vn.speedwatch.model.AccessType.values())
                .filter(t -> t.name().equals(a.accessType()))
                .findFirst()
                .map(t -> t.labelVi() + " / " + t.labelEn())
                .orElse(a.accessType());
    }

    private static String kind(AlertRow a) {
        if (AlertRow.BELOW_QCVN.equals(a.kind())) {
            String share =
                    a.belowQcvnShare() == null
                            ? ""
                            : String.format(Locale.ROOT, " (%.0f %%)", a.belowQcvnShare() * 100);
            return "Dưới QCVN / Below QCVN" + share;
        }
        return "Trung vị giảm / Median drop";
    }

    private static String status(AlertRow a) {
        return AlertRow.OPEN.equals(a.status())
                ? "Mở / Open"
                : "Đã xem / Acknowledged (" + Html.esc(a.acknowledgedBy()) + ")";
    }

    private static String actions(String base, Session session, AlertRow a) {
        String ack =
                AlertRow.OPEN.equals(a.status())
                        ? form(base + "/alerts/" + a.id() + "/ack", session, "Đã xem / Acknowledge")
                        : "";
        return ack + form(base + "/alerts/" + a.id() + "/close", session, "Đóng / Close");
    }

    private static String form(String action, Session session, String label) {
        return "<form method=\"post\" action=\""
                + action
                + "\" class=\"inline\">"
                + Html.csrfField(session)
                + "<button type=\"submit\">"
                + label
                + "</button></form>";
    }
}
