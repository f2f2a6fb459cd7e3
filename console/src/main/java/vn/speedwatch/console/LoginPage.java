package vn.speedwatch.console;

/** The sign-in form, with its double-submit CSRF token and a message after a failure. */
final class LoginPage {

    private LoginPage() {}

    static String render(String base, String csrfToken, String error, String username) {
        String alert =
                error == null
                        ? ""
                        : "<p class=\"error\" role=\"alert\" id=\"login-error\">"
                                + Html.esc(error)
                                + "</p>";
        return Html.page(
                base,
                "Đăng nhập / Sign in",
                null,
                "<section class=\"login\"><h1>Đăng nhập cán bộ / Officials' sign-in</h1>"
                        + alert
                        + "<form method=\"post\" action=\""
                        + base
                        + "/login\">"
                        + Html.csrfField(csrfToken)
                        + "<label for=\"username\">Tên đăng nhập / User name</label>"
                        + "<input id=\"username\" name=\"username\" autocomplete=\"username\""
                        + " required maxlength=\"40\" value=\""
                        + Html.esc(username)
                        + "\">"
                        + "<label for=\"password\">Mật khẩu / Password</label>"
                        + "<input id=\"password\" name=\"password\" type=\"password\""
                        + " autocomplete=\"current-password\" required>"
                        + "<button type=\"submit\" id=\"login\">Đăng nhập / Sign in</button>"
                        + "</form></section>");
    }
}
