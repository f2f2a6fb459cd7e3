package vn.speedwatch.launcher;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.speedwatch.model.Json;

/**
 * Posts the demo's month through the real HTTP API, 100 requests at a time with a progress bar,
 * then keeps a live trickle going. Each simulated device posts from its own address in {@code
 * X-Forwarded-For} via the trusted loopback proxy, so each gets its own device hash and rate limit,
 * as real residents behind the ward's reverse proxy would.
 */
final class DemoLoad implements AutoCloseable {

    static final int BATCH = 100;
    private static final Logger LOG = LoggerFactory.getLogger(DemoLoad.class);

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI api;
    private final PrintStream out;
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private ScheduledExecutorService trickle;

    DemoLoad(URI api, PrintStream out) {
        this.api = api;
        this.out = out;
    }

    /** Posts every sample in order, batch by batch; returns how many were accepted (202). */
    long postAll(List<DemoSample> samples) {
        ProgressBar bar = new ProgressBar(out, samples.size());
        for (int from = 0; from < samples.size(); from += BATCH) {
            List<DemoSample> batch = samples.subList(from, Math.min(samples.size(), from + BATCH));
            List<CompletableFuture<Void>> sent = new ArrayList<>();
            batch.forEach(s -> sent.add(post(s)));
            CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).join();
            bar.show(from + batch.size());
        }
        bar.finish();
        return accepted.get();
    }

    /** A test from a random device every {@code every}, until {@link #close()}. */
    void startTrickle(DemoMeasurements demo, Duration every) {
        trickle =
                Executors.newSingleThreadScheduledExecutor(
                        r -> {
                            Thread t = new Thread(r, "demo-trickle");
                            t.setDaemon(true);
                            return t;
                        });
        trickle.scheduleWithFixedDelay(
                () -> post(demo.live(Instant.now())).join(),
                every.toMillis(),
                every.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    long accepted() {
        return accepted.get();
    }

    long refused() {
        return refused.get();
    }

    @Override
    public void close() {
        if (trickle != null) {
            trickle.shutdownNow();
        }
    }

    private CompletableFuture<Void> post(DemoSample s) {
        return http.sendAsync(request(s), HttpResponse.BodyHandlers.ofString())
                .thenAccept(r -> count(s, r))
                .exceptionally(
                        e -> {
                            refused.incrementAndGet();
                            LOG.warn(
                                    "Demo post of {} failed: {}",
                                    s.measurement().id(),
                                    e.toString());
                            return null;
                        });
    }

    private void count(DemoSample s, HttpResponse<String> r) {
        if (r.statusCode() == 202) {
            accepted.incrementAndGet();
        } else {
            refused.incrementAndGet();
            LOG.warn(
                    "Demo post of {} answered {}: {}",
                    s.measurement().id(),
                    r.statusCode(),
                    r.body());
        }
    }

    private HttpRequest request(DemoSample s) {
        try {
            return HttpRequest.newBuilder(api)
                    .timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json")
                    .header("X-Forwarded-For", s.clientIp())
                    .POST(
                            HttpRequest.BodyPublishers.ofString(
                                    Json.mapper().writeValueAsString(s.measurement())))
                    .build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write demo measurement", e);
        }
    }
}
