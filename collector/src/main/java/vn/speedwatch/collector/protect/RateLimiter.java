package vn.speedwatch.collector.protect;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Per-client token buckets: each client (an API key id or a hashed address) may spend up to {@code
 * burst} requests at once, refilled at {@code ratePerSecond}.
 *
 * <p>Buckets that have refilled completely carry no information, so {@link #evictIdle()} drops
 * them; the verticle calls it periodically to keep memory bounded.
 */
public final class RateLimiter {

    private final double ratePerSecond;
    private final double burst;
    private final LongSupplier nanoClock;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    public RateLimiter(double ratePerSecond, int burst, LongSupplier nanoClock) {
        if (ratePerSecond <= 0 || burst < 1) {
            throw new IllegalArgumentException("rate must be > 0 and burst >= 1");
        }
        this.ratePerSecond = ratePerSecond;
        this.burst = burst;
        this.nanoClock = nanoClock;
    }

    public RateLimiter(double ratePerSecond, int burst) {
        this(ratePerSecond, burst, System::nanoTime);
    }

    /** Takes one token for {@code client}: zero if allowed, else how long until one is free. */
    public Duration acquire(String client) {
        long now = nanoClock.getAsLong();
        Bucket bucket = buckets.computeIfAbsent(client, k -> new Bucket(burst, now));
        synchronized (bucket) {
            bucket.refill(now, ratePerSecond, burst);
            if (bucket.tokens >= 1) {
                bucket.tokens -= 1;
                return Duration.ZERO;
            }
            double missing = 1 - bucket.tokens;
            return Duration.ofNanos((long) Math.ceil(missing / ratePerSecond * 1e9));
        }
    }

    /** Forgets clients whose bucket is full again. */
    public void evictIdle() {
        long now = nanoClock.getAsLong();
        buckets.entrySet()
                .removeIf(
                        e -> {
                            synchronized (e.getValue()) {
                                e.getValue().refill(now, ratePerSecond, burst);
                                return e.getValue().tokens >= burst;
                            }
                        });
    }

    /** How many clients are being tracked, for tests and metrics. */
    public int trackedClients() {
        return buckets.size();
    }

    private static final class Bucket {
        private double tokens;
        private long updatedNanos;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.updatedNanos = now;
        }

        void refill(long now, double rate, double burst) {
            double elapsed = (now - updatedNanos) / 1e9;
            if (elapsed > 0) {
                tokens = Math.min(burst, tokens + elapsed * rate);
                updatedNanos = now;
            }
        }
    }
}
