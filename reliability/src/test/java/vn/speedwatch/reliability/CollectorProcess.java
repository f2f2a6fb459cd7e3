package vn.speedwatch.reliability;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The collector's {@code main} in a child JVM on the test classpath, so a test can SIGKILL it the
 * way an out-of-memory killer or a pulled plug would.
 */
final class CollectorProcess {

    private final Process process;
    private final int port;

    private CollectorProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Starts the collector on {@code port} with {@code settings} as system properties. */
    static CollectorProcess start(Map<String, String> settings, int port, Path log)
            throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx256m");
        cmd.add("-Dspeedwatch.log.file=" + log);
        cmd.add("-Dlog4j2.configurationFile=log4j2-reliability.xml");
        settings.forEach((k, v) -> cmd.add("-Dspeedwatch." + k + "=" + v));
        cmd.add("-Dspeedwatch.http.port=" + port);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add("vn.speedwatch.collector.Collector");
        Process p =
                new ProcessBuilder(cmd)
                        .redirectErrorStream(true)
                        .redirectOutput(
                                ProcessBuilder.Redirect.appendTo(
                                        log.resolveSibling(log.getFileName() + ".out").toFile()))
                        .start();
        CollectorProcess c = new CollectorProcess(p, port);
        c.awaitListening();
        return c;
    }

    /** A port free right now. */
    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    int port() {
        return port;
    }

    /** SIGKILL: no shutdown hook, no flush, no goodbye. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    private void awaitListening() throws InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("collector exited with " + process.exitValue());
            }
            try (Socket s = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException notYet) {
                Thread.sleep(200);
            }
        }
        process.destroyForcibly();
        throw new IllegalStateException("collector did not listen on " + port + " in 60 s");
    }
}
