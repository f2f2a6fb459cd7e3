package vn.speedwatch.launcher.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Residents posting through the real HTTP API: paced batches of 100 at a fixed rate, and single
 * probe tests in a cell of their own.
 */
final class MeasurementLoad {

    static final int BATCH = 100;

    /** The probes' cell: no background test is a Viettel one. */
    static final String PROBE_OPERATOR = "VIETTEL";

    private static final int MAX_IN_FLIGHT = 32;

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI api;
    private final boolean located;
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();

    /** Refused measurements by HTTP status (-1: no answer), to say why in the error. */
    private final java.util.concurrent.ConcurrentHashMap<Integer, AtomicLong> refusedBy =
            new java.util.concurrent.ConcurrentHashMap<>();

    /** {@code located}: tests carry coordinates (looked up in the areas), else a TDP code. */
    MeasurementLoad(String api, boolean located) {
        this.api = URI.create(api);
        this.located = located;
    }

    long accepted() {
        return accepted.get();
    }

    long refused() {
        return refused.get();
    }

    /** Fails loudly when a test was refused or none accepted: the figures would mean nothing. */
    void requireAllAccepted(String phase) {
        if (refused.get() > 0 || accepted.get() == 0) {
            throw new IllegalStateException(
                    phase
                            + ": "
                            + accepted.get()
                            + " measurements"
                            + " accepted, "
                            + refused.get()
                            + " refused or failed, by status "
                            + refusedBy);
        }
    }

    /**
     * Batches of 100 at {@code perSecond} measurements/s for {@code d}, sent asynchronously with at
     * most {@link #MAX_IN_FLIGHT} unanswered: an unbounded client opens a connection per waiting
     * request and fails by itself (no answer) long before the server refuses anything. When the
     * system falls behind, the pace drops; callers report the achieved rate. Returns the seconds
     * from the first batch until the last answer, so that accepted ÷ seconds is the rate achieved
     * (batches still in flight when {@code d} ends would otherwise go uncounted).
     */
    double paced(double perSecond, Duration d) throws InterruptedException {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        Random random = new Random(99);
        Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT);
        long periodNanos = (long) (1e9 * BATCH / Math.max(perSecond, 10));
        long t0 = System.nanoTime();
        timer.scheduleAtFixedRate(
                () -> {
                    HttpRequest request = request(batch(random));
                    inFlight.acquireUninterruptibly();
                    http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                            .whenComplete(
                                    (r, e) -> {
                                        count(e == null ? r.statusCode() : -1, BATCH);
                                        inFlight.release();
                                    });
                },
                0,
                periodNanos,
                TimeUnit.NANOSECONDS);
        Thread.sleep(d.toMillis());
        timer.shutdownNow();
        timer.awaitTermination(10, TimeUnit.SECONDS);
        if (!inFlight.tryAcquire(MAX_IN_FLIGHT, 60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("batches still unanswered 60 s after the load ended");
        }
        return (System.nanoTime() - t0) / 1e9;
    }

    /** One probe test; returns the HTTP status. */
    int probe() {
        String m = measurement(UUID.randomUUID(), "Viettel", "\"tdpCode\":\"TDP-01\"");
        return post(m, 1);
    }

    private int post(String body, int measurements) {
        try {
            int status =
                    http.send(request(body), HttpResponse.BodyHandlers.discarding()).statusCode();
            count(status, measurements);
            return status;
        } catch (Exception e) {
            count(-1, measurements);
            return -1;
        }
    }

    private void count(int status, int measurements) {
        (status == 202 ? accepted : refused).addAndGet(measurements);
        if (status != 202) {
            refusedBy.computeIfAbsent(status, k -> new AtomicLong()).addAndGet(measurements);
        }
    }

    /**
     * Each request from one of {@link #RESIDENTS} residents, as a reverse proxy in front of the
     * collector reports them (the benchmark's child trusts 127.0.0.1 as that proxy). From one
     * address, all tests would be one device, and the per-device cap's list of that device's
     * admitted tests would grow with every test of the run: copying it was 83 % of the one-machine
     * runtime's allocation and made it fall behind after two minutes (issue #11).
     */
    private HttpRequest request(String body) {
        return HttpRequest.newBuilder(api)
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("X-Forwarded-For", residentAddress())
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    /**
     * A ward's worth of devices. Not a new one per request: the per-device cap keeps a state entry
     * per device, cell and day (≈ 300 B of heap) until the day is over, and sixteen million
     * residents, one per batch, filled the one-machine runtime's 512 MiB heap with them within six
     * minutes at 32,000 tests/s (a class histogram showed 430,000 entries and their timers; the run
     * ended in OutOfMemoryError). With 4,096 the entries stay under 50,000, and each device's list
     * of admitted tests stays a few hundred long at most.
     */
    static final int RESIDENTS = 4096;

    /** One of the residents' addresses in 10.0.0.0/20. */
    private static String residentAddress() {
        int r = ThreadLocalRandom.current().nextInt(RESIDENTS);
        return "10.0." + (r >>> 8) + "." + (r & 255);
    }

    private String batch(Random random) {
        StringBuilder b = new StringBuilder(BATCH * 260).append('[');
        for (int i = 0; i < BATCH; i++) {
            String where;
            if (located) {
                double[] p = SyntheticAreas.point(random);
                where =
                        String.format(
                                Locale.ROOT,
                                "\"latitude\":%.6f,\"longitude\":%.6f,"
                                        + "\"accuracyM\":15,\"consent\":true",
                                p[0],
                                p[1]);
            } else {
                where =
                        String.format(
                                Locale.ROOT, "\"tdpCode\":\"TDP-%02d\"", 1 + random.nextInt(12));
            }
            b.append(i == 0 ? "" : ",").append(measurement(UUID.randomUUID(), "VNPT", where));
        }
        return b.append(']').toString();
    }

    private static String measurement(UUID id, String operator, String where) {
        // Half a minute ago in Vietnam time: recent, and never ahead of the server's clock.
        String at = OffsetDateTime.now(ZoneOffset.ofHours(7)).minusSeconds(30).toString();
        return "{\"id\":\""
                + id
                + "\",\"measuredAt\":\""
                + at
                + "\",\"downloadMbps\":85.5,"
                + "\"uploadMbps\":40.5,\"latencyMs\":9.0,\"operator\":\""
                + operator
                + "\","
                + "\"accessType\":\"FIXED_FIBER\","
                + where
                + "}";
    }
}
