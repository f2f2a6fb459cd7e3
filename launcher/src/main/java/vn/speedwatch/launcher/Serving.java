package vn.speedwatch.launcher;

import java.io.PrintStream;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;
import org.apache.logging.log4j.LogManager;

/**
 * Runs the system until Ctrl-C or SIGTERM: starts the runtime, prints the URLs, and registers the
 * shutdown hook that stops it in order. Log4j's own hook is disabled (log4j2.xml) so the shutdown
 * is logged to the end.
 */
final class Serving {

    private Serving() {}

    /** Blocks until the process is asked to stop; {@code extra} runs once everything is ready. */
    static int serve(
            LauncherConfig config,
            PrintStream out,
            Consumer<SpeedwatchRuntime> extra,
            AutoCloseable stopFirst) {
        SpeedwatchRuntime runtime = SpeedwatchRuntime.start(config);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(
                        new Thread(
                                () -> {
                                    out.println("Đang dừng speedwatch… / stopping speedwatch…");
                                    closeQuietly(stopFirst);
                                    runtime.close();
                                    out.println("Đã dừng / stopped");
                                    stopped.countDown();
                                    LogManager.shutdown();
                                },
                                "speedwatch-shutdown"));
        out.println(
                "speedwatch đã sẵn sàng sau "
                        + runtime.startupTime().toMillis()
                        + " ms / ready in "
                        + runtime.startupTime().toMillis()
                        + " ms");
        out.println(runtime.urls().describe());
        out.println("Dữ liệu / data: " + config.dataDir() + "   (Ctrl-C để dừng / to stop)");
        extra.accept(runtime);
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception e) {
            // Stopping the demo load must never keep the system from stopping.
        }
    }
}
