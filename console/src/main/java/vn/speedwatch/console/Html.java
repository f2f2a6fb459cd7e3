package vn.speedwatch.console;

/**
 * Page building: escaping and the common layout. Every value from the database or a request goes
 * through {@link #esc}; the layout loads only same-origin CSS and JS (the CSP forbids inline).
 */
final class Html {

    private Html() {}

    static String esc(Object value) {
        String s = value == null ? "" : value.toString();
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    /** A whole page: {@code nav} is null on the login page. */
    static String page(String base, String title, String nav, String body) {
        return "<!doctype html><html lang=\"vi\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>"
                + esc(title)
                + " — speedwatch</title>"
                + "<link rel=\"stylesheet\" href=\""
                + base
                + "/assets/console.css\">"
                + "</head><body><header class=\"bar\"><span class=\"brand\">speedwatch · "
                + "Phường Thủy Nguyên</span>"
                + (nav == null ? "" : nav)
                + "</header>"
                + "<main id=\"main\">"
                + body
                + "</main></body></html>";
    }

    /** The navigation bar with the sign-out form (a POST, so it carries the CSRF token). */
    static String nav(String base, Session session, String grafanaUrl) {
        return "<nav aria-label=\"Chính / Main\"><a href=\""
                + base
                + "/map\">Bản đồ / Map</a>"
                + "<a href=\""
                + base
                + "/alerts\">Cảnh báo / Alerts</a>"
                + "<a href=\""
                + base
                + "/reports\">Báo cáo / Reports</a>"
                + "<a href=\""
                + esc(grafanaUrl)
                + "\" rel=\"noopener\">Grafana</a>"
                + "<form method=\"post\" action=\""
                + base
                + "/logout\" class=\"inline\">"
                + csrfField(session)
                + "<button type=\"submit\">Đăng xuất ("
                + esc(session.official().username())
                + ")</button></form></nav>";
    }

    static String csrfField(Session session) {
        return csrfField(session.csrfToken());
    }

    static String csrfField(String token) {
        return "<input type=\"hidden\" name=\"" + Csrf.FIELD + "\" value=\"" + esc(token) + "\">";
    }

    /** A status line for the result of an action, or nothing. */
    static String flash(String message) {
        return message == null || message.isBlank()
                ? ""
                : "<p class=\"flash\" role=\"status\">" + esc(message) + "</p>";
    }
}
