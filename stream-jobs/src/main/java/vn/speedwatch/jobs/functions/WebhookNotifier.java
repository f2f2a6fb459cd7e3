package vn.speedwatch.jobs.functions;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.speedwatch.jobs.records.AlertEvent;
import vn.speedwatch.model.Json;

/**
 * Posts each alert as a small JSON notice (Vietnamese and English summary) to a webhook URL, from a
 * bounded queue drained by one daemon thread, with retries and exponential backoff. {@link #offer}
 * never blocks: when the queue is full the notice is dropped with a warning, because a slow or dead
 * webhook must never hold up the job. The alert itself is in the warehouse either way.
 */
public final class WebhookNotifier implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookNotifier.class);
    private static final Map<String, WebhookNotifier> SHARED = new ConcurrentHashMap<>();

    public static final int DEFAULT_CAPACITY = 1000;
    public static final int DEFAULT_ATTEMPTS = 5;
    public static final Duration DEFAULT_FIRST_BACKOFF = Duration.ofSeconds(1);
    private static final Duration MAX_BACKOFF = Duration.ofMinutes(1);
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final URI url;
    private final int attempts;
    private final long firstBackoffMillis;
    private final BlockingQueue<AlertEvent> queue;
    private final HttpClient http;
    private final Thread worker;
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private volatile boolean closed;

    /** A notifier with its own queue and thread; close it when done. */
    public WebhookNotifier(URI url, int capacity, int attempts, Duration firstBackoff) {
        if (capacity < 1 || attempts < 1 || firstBackoff.isNegative()) {
            throw new IllegalArgumentException("capacity and attempts must be positive");
        }
        this.url = url;
        this.attempts = attempts;
        this.firstBackoffMillis = firstBackoff.toMillis();
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
        this.worker = new Thread(this::drain, "alert-webhook " + url.getHost());
        this.worker.setDaemon(true);
        this.worker.start();
    }

    /**
     * The notifier for this URL shared by every sink subtask of this JVM, so restarts of the job do
     * not leave a thread behind each time. Never closed: its thread is a daemon.
     */
    public static WebhookNotifier shared(String url) {
        return SHARED.computeIfAbsent(
                url,
                u ->
                        new WebhookNotifier(
                                URI.create(u),
                                DEFAULT_CAPACITY,
                                DEFAULT_ATTEMPTS,
                                DEFAULT_FIRST_BACKOFF));
    }

    /** Queues a notice; returns false (and logs) when the queue is full or the notifier closed. */
    public boolean offer(AlertEvent event) {
        if (!closed && queue.offer(event)) {
            return true;
        }
        dropped.incrementAndGet();
        LOG.warn("Alert webhook queue for {} full, notice dropped: {}", url, event);
        return false;
    }

    public long delivered() {
        return delivered.get();
    }

    public long dropped() {
        return dropped.get();
    }

    public long failed() {
        return failed.get();
    }

    /** The JSON body of one notice. */
    public static String payload(AlertEvent e) throws JsonProcessingException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("action", e.action);
        body.put("kind", e.kind);
        body.put("tdpCode", e.tdpCode);
        body.put("operator", e.operator);
        body.put("accessType", e.accessType);
        body.put("at", e.at().toString());
        body.put("sampleCount", e.sampleCount);
        body.put("median24hMbps", e.median24h);
        body.put("baselineMedianMbps", e.baselineMedian);
        body.put("belowQcvnShare", e.belowQcvnShare);
        body.put("summaryVi", e.summaryVi());
        body.put("summaryEn", e.summaryEn());
        return Json.mapper().writeValueAsString(body);
    }

    private void drain() {
        while (!closed) {
            try {
                AlertEvent event = queue.poll(1, TimeUnit.SECONDS);
                if (event != null) {
                    deliver(event);
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException | JsonProcessingException e) {
                LOG.warn("Alert webhook {} could not send a notice: {}", url, e.toString());
            }
        }
    }

    private void deliver(AlertEvent event) throws InterruptedException, JsonProcessingException {
        HttpRequest request =
                HttpRequest.newBuilder(url)
                        .timeout(TIMEOUT)
                        .header("Content-Type", "application/json; charset=utf-8")
                        .POST(HttpRequest.BodyPublishers.ofString(payload(event)))
                        .build();
        long backoff = firstBackoffMillis;
        for (int attempt = 1; attempt <= attempts; attempt++) {
            String problem = send(request);
            if (problem == null) {
                delivered.incrementAndGet();
                return;
            }
            if (attempt == attempts) {
                failed.incrementAndGet();
                LOG.warn(
                        "Alert webhook {} gave up after {} attempts ({}): {}",
                        url,
                        attempts,
                        problem,
                        event);
                return;
            }
            LOG.info(
                    "Alert webhook {} attempt {} failed ({}), retrying in {} ms",
                    url,
                    attempt,
                    problem,
                    backoff);
            Thread.sleep(backoff);
            backoff = Math.min(backoff * 2, MAX_BACKOFF.toMillis());
        }
    }

    /** Null when the webhook accepted the notice, else what went wrong. */
    private String send(HttpRequest request) throws InterruptedException {
        try {
            HttpResponse<Void> response =
                    http.send(request, HttpResponse.BodyHandlers.discarding());
            int status = response.statusCode();
            return status / 100 == 2 ? null : "HTTP " + status;
        } catch (java.io.IOException e) {
            return e.toString();
        }
    }

    @Override
    public void close() {
        closed = true;
        worker.interrupt();
    }
}
