package vn.speedwatch.launcher.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code speedwatch run} in a child JVM, started as the {@code ./speedwatch} script starts it (same
 * main class, {@code -Xmx512m}, Flink's {@code --add-opens}), so that its resident set is the
 * system's alone and not the load generator's. Settings go in as {@code SPEEDWATCH_*} environment
 * variables, the way an operator would set them.
 */
final class LauncherProcess implements AutoCloseable {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Process process;
    private final Path log;
    private final int port;

    private LauncherProcess(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    /** Starts the child and returns once {@code /health/ready} answers 200. */
    static LauncherProcess start(Path dataDir, int port, Map<String, String> settings)
            throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // Both are space-separated lists, as the speedwatch script splits SPEEDWATCH_JAVA_OPTS
        // (e.g. "-Xmx512m -Xlog:gc*:file=gc.log").
        String options =
                System.getProperty("bench.child.heap", "-Xmx512m")
                        + " "
                        + System.getProperty("bench.child.opens", "");
        for (String opt : options.split(" ")) {
            if (!opt.isBlank()) {
                cmd.add(opt);
            }
        }
        cmd.addAll(
                List.of(
                        "-cp",
                        System.getProperty(
                                "bench.child.classpath", System.getProperty("java.class.path")),
                        "vn.speedwatch.launcher.SpeedwatchCommand",
                        "run",
                        "--data-dir",
                        dataDir.toString(),
                        "--port",
                        Integer.toString(port)));
        Files.createDirectories(dataDir);
        Path log = dataDir.resolve("launcher.log");
        ProcessBuilder pb =
                new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        settings.forEach((k, v) -> pb.environment().put(envName(k), v));
        LauncherProcess child = new LauncherProcess(pb.start(), log, port);
        try {
            child.awaitReady(Duration.ofSeconds(180));
        } catch (Exception e) {
            child.close();
            throw e;
        }
        return child;
    }

    String api() {
        return "http://127.0.0.1:" + port + "/api/v1/measurements";
    }

    long pid() {
        return process.pid();
    }

    /** Resident set from {@code /proc/<pid>/status}, in MiB. */
    double rssMiB() throws IOException {
        return statusKiB("VmRSS:") / 1024.0;
    }

    /** Peak resident set since start ({@code VmHWM}), in MiB. */
    double peakRssMiB() throws IOException {
        return statusKiB("VmHWM:") / 1024.0;
    }

    private long statusKiB(String field) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid()), "status"))) {
            if (line.startsWith(field)) {
                return Long.parseLong(line.substring(field.length()).replace("kB", "").trim());
            }
        }
        throw new IOException(field + " not in /proc/" + pid() + "/status");
    }

    private void awaitReady(Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        URI health = URI.create("http://127.0.0.1:" + port + "/health/ready");
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(
                        "speedwatch run exited with "
                                + process.exitValue()
                                + "; log tail:\n"
                                + logTail());
            }
            try {
                int status =
                        HTTP.send(
                                        HttpRequest.newBuilder(health)
                                                .timeout(Duration.ofSeconds(2))
                                                .build(),
                                        HttpResponse.BodyHandlers.discarding())
                                .statusCode();
                if (status == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException(
                "speedwatch run not ready after "
                        + timeout.toSeconds()
                        + " s; log tail:\n"
                        + logTail());
    }

    String logTail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** SIGTERM (the graceful stop an operator uses), then SIGKILL after a minute. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static String envName(String key) {
        return "SPEEDWATCH_"
                + key.toUpperCase(java.util.Locale.ROOT).replace('.', '_').replace('-', '_');
    }
}
