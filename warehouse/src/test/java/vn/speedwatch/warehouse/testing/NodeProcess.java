package vn.speedwatch.warehouse.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The TimescaleDB test server's Node process: starts it, waits for its {@code READY <port>} line,
 * keeps the tail of its stderr for error messages, and stops it. The server also exits when its
 * stdin closes, so it dies with a crashed test JVM. Shared by {@link TimescaleServer} and the
 * dashboards' benchmark on the same server.
 */
public final class NodeProcess implements AutoCloseable {

    private static final int STDERR_TAIL_CHARS = 8_000;

    private final Process process;
    private final StringBuilder stderr = new StringBuilder();
    private final CompletableFuture<Integer> ready = new CompletableFuture<>();

    private NodeProcess(Process process) {
        this.process = process;
        daemon("timescale-test-stdout", () -> readStdout(process.getInputStream()));
        daemon("timescale-test-stderr", () -> readStderr(process.getErrorStream()));
        process.onExit()
                .thenRun(
                        () ->
                                ready.completeExceptionally(
                                        new IllegalStateException(
                                                "exited with code " + process.exitValue())));
    }

    /** Starts {@code node server.mjs 0} in {@code dir} and returns once it listens. */
    public static NodeProcess start(Path dir, Duration timeout) {
        Process p;
        try {
            p =
                    new ProcessBuilder(List.of("node", "server.mjs", "0"))
                            .directory(dir.toFile())
                            .start();
        } catch (IOException e) {
            throw new IllegalStateException(
                    "Cannot start the TimescaleDB test server with "
                            + "'node server.mjs' in "
                            + dir
                            + " (is Node.js 20+ installed?): "
                            + e.getMessage(),
                    e);
        }
        NodeProcess node = new NodeProcess(p);
        node.awaitReady(timeout);
        return node;
    }

    public int port() {
        return ready.join();
    }

    /** The last few KiB the server wrote to stderr. */
    public String stderrTail() {
        synchronized (stderr) {
            return stderr.toString();
        }
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private void awaitReady(Duration timeout) {
        try {
            ready.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            close();
            String why =
                    e instanceof TimeoutException
                            ? "did not report READY within " + timeout
                            : e.getCause().getMessage();
            throw new IllegalStateException(
                    "TimescaleDB test server failed to start ("
                            + why
                            + "). Its stderr:\n"
                            + stderrTail(),
                    e);
        } catch (InterruptedException e) {
            close();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting the test server", e);
        }
    }

    private void readStdout(InputStream in) {
        try (BufferedReader r = reader(in)) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.startsWith("READY ")) {
                    ready.complete(Integer.parseInt(line.substring(6).trim()));
                }
            }
        } catch (IOException | NumberFormatException e) {
            ready.completeExceptionally(e);
        }
    }

    private void readStderr(InputStream in) {
        try (BufferedReader r = reader(in)) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                synchronized (stderr) {
                    stderr.append(line).append('\n');
                    if (stderr.length() > STDERR_TAIL_CHARS) {
                        stderr.delete(0, stderr.length() - STDERR_TAIL_CHARS);
                    }
                }
            }
        } catch (IOException e) {
            // The stream closes when the process ends; nothing left to read.
        }
    }

    private static BufferedReader reader(InputStream in) {
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    }

    private static void daemon(String name, Runnable body) {
        Thread t = new Thread(body, name);
        t.setDaemon(true);
        t.start();
    }
}
