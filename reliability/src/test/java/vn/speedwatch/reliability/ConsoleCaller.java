package vn.speedwatch.reliability;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One browser in front of the officials' console: its own cookies (kept by hand, so a test can
 * replay an old one), the CSRF token of its page, redirects not followed.
 */
final class ConsoleCaller {

    /** A status, the redirect target if any, and the page. */
    record Answer(int status, String location, String body) {}

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final String SESSION = "sw_session";

    private final HttpClient http =
            HttpClient.newBuilder()
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .connectTimeout(Duration.ofSeconds(5))
                    .build();
    private final int port;
    private final Map<String, String> cookies = new LinkedHashMap<>();
    private final Map<String, String> headers = new LinkedHashMap<>();
    private String csrf;
    private String receipt;

    ConsoleCaller(int port) {
        this.port = port;
    }

    /** A resident who shows the console the receipt of their result, as cookie and bearer. */
    ConsoleCaller holding(String receipt) {
        cookies.put(SESSION, receipt);
        headers.put("Authorization", "Bearer " + receipt);
        this.receipt = receipt;
        return this;
    }

    /** Signs in; afterwards {@link #signedIn()} holds and forms carry the session's token. */
    ConsoleCaller signIn(String user, String password) throws Exception {
        Answer a = signInAnswer(user, password);
        if (a.status() != 303 || !signedIn()) {
            throw new AssertionError("sign-in of " + user + " failed: " + a);
        }
        return this;
    }

    /** The answer to a sign-in through the login form with its token. */
    Answer signInAnswer(String user, String password) throws Exception {
        Answer a =
                post(
                        "/admin/login",
                        Map.of(
                                "username",
                                user,
                                "password",
                                password,
                                "_csrf",
                                tokenOf(get("/admin/login").body())),
                        false);
        if (a.status() == 303 && cookies.containsKey(SESSION)) {
            csrf = tokenOf(get("/admin/map").body());
        }
        return a;
    }

    /** Uses another browser's session cookie. */
    ConsoleCaller withSession(String cookie) {
        cookies.put(SESSION, cookie);
        return this;
    }

    boolean signedIn() {
        return cookies.containsKey(SESSION) && !cookies.get(SESSION).equals(receipt);
    }

    String sessionCookie() {
        return cookies.get(SESSION);
    }

    Answer get(String path) throws Exception {
        return send(request(path).GET());
    }

    Answer send(String method, String path) throws Exception {
        return send(request(path).method(method, HttpRequest.BodyPublishers.noBody()));
    }

    /**
     * A form post; {@code withToken} adds this browser's CSRF token (a resident has none and tries
     * the receipt).
     */
    Answer post(String path, Map<String, String> form, boolean withToken) throws Exception {
        Map<String, String> fields = new LinkedHashMap<>(form);
        String token = csrf != null ? csrf : receipt;
        if (withToken && token != null) {
            fields.put("_csrf", token);
        }
        return send(formRequest(path, fields));
    }

    /** A form post with the right token but sent from another site's page. */
    Answer postFrom(String origin, String path) throws Exception {
        String token = csrf != null ? csrf : receipt;
        Map<String, String> fields = token == null ? Map.of() : Map.of("_csrf", token);
        return send(formRequest(path, fields).header("Origin", origin));
    }

    private HttpRequest.Builder formRequest(String path, Map<String, String> fields) {
        String body =
                fields.entrySet().stream()
                        .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                        .collect(Collectors.joining("&"));
        return request(path)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder b =
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .timeout(Duration.ofSeconds(60));
        headers.forEach(b::header);
        if (!cookies.isEmpty()) {
            b.header(
                    "Cookie",
                    cookies.entrySet().stream()
                            .map(e -> e.getKey() + "=" + e.getValue())
                            .collect(Collectors.joining("; ")));
        }
        return b;
    }

    private Answer send(HttpRequest.Builder b) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        for (String set : r.headers().allValues("Set-Cookie")) {
            String pair = set.split(";", 2)[0];
            int eq = pair.indexOf('=');
            String name = pair.substring(0, eq).trim();
            String value = pair.substring(eq + 1).trim();
            if (value.isEmpty() || set.toLowerCase(java.util.Locale.ROOT).contains("max-age=0")) {
                cookies.remove(name);
            } else {
                cookies.put(name, value);
            }
        }
        return new Answer(
                r.statusCode(), r.headers().firstValue("Location").orElse(null), r.body());
    }

    private static String tokenOf(String page) {
        Matcher m = CSRF.matcher(page);
        if (!m.find()) {
            throw new AssertionError("no CSRF field in the page: " + page);
        }
        return m.group(1);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
