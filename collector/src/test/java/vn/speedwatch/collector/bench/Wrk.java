package vn.speedwatch.collector.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Drives an endpoint with {@code wrk} (POSTing one body) and reads back its figures. */
final class Wrk {

    private static final Pattern RPS = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
    private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses: (\\d+)");

    private Wrk() {}

    static boolean available() {
        return Files.isExecutable(Path.of("/usr/bin/wrk"))
                || Files.isExecutable(Path.of("/usr/local/bin/wrk"));
    }

    static CollectorBench.Result run(
            int port, String path, String body, int connections, Duration warmup, Duration measure)
            throws IOException, InterruptedException {
        Path script = Files.createTempFile("wrk", ".lua");
        Files.writeString(
                script,
                "wrk.method = \"POST\"\n"
                        + "wrk.headers[\"Content-Type\"] = \"application/json\"\n"
                        + "wrk.body = [==["
                        + body
                        + "]==]\n",
                StandardCharsets.UTF_8);
        String url = "http://127.0.0.1:" + port + path;
        exec(script, url, connections, warmup);
        String out = exec(script, url, connections, measure);
        CollectorBench.Result r = new CollectorBench.Result();
        double rps = number(RPS, out, 0);
        r.seconds = measure.toSeconds();
        long non2xx = (long) number(NON_2XX, out, 0);
        r.ok = Math.round(rps * r.seconds) - non2xx;
        r.failed = non2xx;
        r.p50 = millis(out, "50%");
        r.p99 = millis(out, "99%");
        return r;
    }

    private static String exec(Path script, String url, int connections, Duration d)
            throws IOException, InterruptedException {
        Process p =
                new ProcessBuilder(
                                "wrk",
                                "-t2",
                                "-c" + connections,
                                "-d" + d.toSeconds() + "s",
                                "--latency",
                                "-s",
                                script.toString(),
                                url)
                        .redirectErrorStream(true)
                        .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return out;
    }

    private static double number(Pattern p, String text, double otherwise) {
        Matcher m = p.matcher(text);
        return m.find() ? Double.parseDouble(m.group(1)) : otherwise;
    }

    /** A latency percentile line such as {@code 50% 1.23ms} in milliseconds. */
    private static double millis(String text, String percentile) {
        Matcher m =
                Pattern.compile("\\s" + Pattern.quote(percentile) + "\\s+([0-9.]+)(us|ms|s)")
                        .matcher(text);
        if (!m.find()) {
            return Double.NaN;
        }
        double v = Double.parseDouble(m.group(1));
        return switch (m.group(2)) {
            case "us" -> v / 1000;
            case "s" -> v * 1000;
            default -> v;
        };
    }
}
