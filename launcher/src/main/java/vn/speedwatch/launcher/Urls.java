package vn.speedwatch.launcher;

/**
 * The addresses printed when speedwatch is ready: the residents' page, the officials' console, the
 * API, Prometheus metrics and the health checks.
 */
public record Urls(String residentPage, String console, String api, String metrics, String health) {

    /** {@code tls}: the collector serves HTTPS ({@code http.tls.keystore} is set). */
    static Urls of(String host, int port, boolean tls) {
        String shown = host.equals("0.0.0.0") || host.equals("::") ? "localhost" : host;
        String base = (tls ? "https://" : "http://") + shown + ":" + port;
        return new Urls(
                base + "/",
                base + "/admin",
                base + "/api/v1/measurements",
                base + "/metrics",
                base + "/health/ready");
    }

    /** The base address, e.g. {@code http://localhost:8080}. */
    public String base() {
        return residentPage.substring(0, residentPage.length() - 1);
    }

    /** Lines for the console, Vietnamese first. */
    public String describe() {
        return String.join(
                System.lineSeparator(),
                "  Trang cho người dân / resident page : " + residentPage,
                "  Trang cán bộ / officials' console   : " + console,
                "  API gửi kết quả đo / API            : " + api,
                "  Số liệu giám sát / metrics          : " + metrics,
                "  Tình trạng / health                 : " + health);
    }
}
