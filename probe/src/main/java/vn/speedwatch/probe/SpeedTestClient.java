package vn.speedwatch.probe;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The same test the resident page runs, from Java: ping is the median of small requests (jitter the
 * mean difference of consecutive ones), then parallel streams download and upload random bytes for
 * a fixed time. Results are in Mbit/s and ms, measured to the ward's server.
 */
final class SpeedTestClient {

    /** One finished test. */
    record Result(double downloadMbps, double uploadMbps, double latencyMs, double jitterMs) {}

    private static final int PINGS = 10;

    /*
     * Requests grow fourfold while one takes under a second, as in the browser's test: with fixed
     * 1 MB uploads a gigabit link made over a hundred requests a second and met the server's
     * per-client rate limit (speedtest.rate-per-second, 50 by default) within seconds. The
     * largest requests stay within the server's default caps (speedtest.max-*-bytes).
     */
    private static final long FIRST_DOWNLOAD_BYTES = 4L << 20;
    private static final long MAX_DOWNLOAD_BYTES = 100L << 20;
    private static final int MAX_UPLOAD_BLOCKS = 64;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final URI base;
    private final Duration duration;
    private final int streams;
    private final byte[] uploadBlock = new byte[1 << 20];

    SpeedTestClient(URI speedTestUrl, Duration duration, int streams) {
        this.base = URI.create(speedTestUrl + "/api/v1/speedtest/");
        this.duration = duration;
        this.streams = streams;
        new SplittableRandom().nextBytes(uploadBlock);
    }

    /** Runs the test; IOException when the server cannot be reached or refuses. */
    Result run() throws IOException, InterruptedException {
        double[] ping = ping();
        double down = parallel(this::downloadStream);
        double up = parallel(this::uploadStream);
        return new Result(down, up, ping[0], ping[1]);
    }

    private double[] ping() throws IOException, InterruptedException {
        double[] ms = new double[PINGS];
        for (int i = 0; i < PINGS; i++) {
            long start = System.nanoTime();
            check(http.send(get("ping"), HttpResponse.BodyHandlers.discarding()));
            ms[i] = (System.nanoTime() - start) / 1e6;
        }
        double[] kept = Arrays.copyOfRange(ms, 1, PINGS); // the first one opens the connection
        double jitter = 0;
        for (int i = 1; i < kept.length; i++) {
            jitter += Math.abs(kept[i] - kept[i - 1]);
        }
        double[] sorted = kept.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        double median = sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
        return new double[] {median, jitter / (kept.length - 1)};
    }

    /** A stream's work: moves bytes until the deadline, adding them to the counter. */
    @FunctionalInterface
    private interface Stream {
        void run(long deadline, AtomicLong bytes) throws IOException, InterruptedException;
    }

    private double parallel(Stream stream) throws IOException, InterruptedException {
        AtomicLong bytes = new AtomicLong();
        long start = System.nanoTime();
        long deadline = start + duration.toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(streams);
        try {
            List<Future<Void>> runs = new ArrayList<>();
            for (int i = 0; i < streams; i++) {
                runs.add(
                        pool.submit(
                                () -> {
                                    stream.run(deadline, bytes);
                                    return null;
                                }));
            }
            for (Future<Void> f : runs) {
                f.get();
            }
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return bytes.get() * 8 / seconds / 1e6;
    }

    private void downloadStream(long deadline, AtomicLong bytes)
            throws IOException, InterruptedException {
        byte[] sink = new byte[64 * 1024];
        long size = FIRST_DOWNLOAD_BYTES;
        while (System.nanoTime() < deadline) {
            long started = System.nanoTime();
            HttpResponse<InputStream> r =
                    http.send(
                            get("download?bytes=" + size),
                            HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream in = r.body()) {
                check(r);
                int n;
                while ((n = in.read(sink)) > 0) {
                    bytes.addAndGet(n);
                    if (System.nanoTime() >= deadline) {
                        return;
                    }
                }
            }
            if (quick(started)) {
                size = Math.min(size * 4, MAX_DOWNLOAD_BYTES);
            }
        }
    }

    private void uploadStream(long deadline, AtomicLong bytes)
            throws IOException, InterruptedException {
        int blocks = 1;
        while (System.nanoTime() < deadline) {
            long started = System.nanoTime();
            // The same random block repeated: a large request costs no more memory than a small.
            HttpRequest post =
                    HttpRequest.newBuilder(base.resolve("upload"))
                            .timeout(Duration.ofSeconds(60))
                            .header("Content-Type", "application/octet-stream")
                            .POST(
                                    HttpRequest.BodyPublishers.fromPublisher(
                                            HttpRequest.BodyPublishers.ofByteArrays(
                                                    Collections.nCopies(blocks, uploadBlock)),
                                            (long) blocks * uploadBlock.length))
                            .build();
            check(http.send(post, HttpResponse.BodyHandlers.discarding()));
            bytes.addAndGet((long) blocks * uploadBlock.length);
            if (quick(started)) {
                blocks = Math.min(blocks * 4, MAX_UPLOAD_BLOCKS);
            }
        }
    }

    private static boolean quick(long startedNanos) {
        return System.nanoTime() - startedNanos < 1_000_000_000L;
    }

    private HttpRequest get(String path) {
        return HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30)).build();
    }

    private static void check(HttpResponse<?> r) throws IOException {
        if (r.statusCode() != 200) {
            throw new IOException(
                    "speed-test server answered HTTP "
                            + r.statusCode()
                            + " for "
                            + r.uri().getPath());
        }
    }
}
