package vn.speedwatch.reliability;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Residents' apps that post their results one by one and, when an answer is not 202, retry the same
 * result (same id) after a pause, as the web app does. Records every answer per id.
 */
final class RetryingResidents {

    /** Every answer one id got, in order; -1 means no answer. */
    final Map<UUID, List<Integer>> answers = new ConcurrentHashMap<>();

    /** Ids whose 202 came back. */
    final Set<UUID> accepted = ConcurrentHashMap.newKeySet();

    /** Answers that arrived during a window the test marked as an outage. */
    final Map<Integer, AtomicInteger> duringOutage = new ConcurrentHashMap<>();

    private final Client client;
    private final ExecutorService pool;
    private volatile boolean outage;

    RetryingResidents(Client client, int residents) {
        this.client = client;
        this.pool = Executors.newFixedThreadPool(residents);
    }

    /** Marks requests sent and answered while {@code down} as "during the outage". */
    void outage(boolean down) {
        this.outage = down;
    }

    /** Starts {@code perResident} results for each resident, paced by {@code pauseMillis}. */
    void start(int residents, int perResident, long pauseMillis) {
        for (int r = 0; r < residents; r++) {
            pool.submit(
                    () -> {
                        for (int i = 0; i < perResident; i++) {
                            postUntilAccepted(UUID.randomUUID(), pauseMillis);
                        }
                    });
        }
        pool.shutdown();
    }

    boolean await(long seconds) throws InterruptedException {
        return pool.awaitTermination(seconds, TimeUnit.SECONDS);
    }

    int total() {
        return answers.size();
    }

    private void postUntilAccepted(UUID id, long pauseMillis) {
        String body = Fixtures.measurement(id, 30 + (id.hashCode() & 63)).toString();
        List<Integer> mine = new ArrayList<>();
        answers.put(id, mine);
        for (int attempt = 0; attempt < 600; attempt++) {
            boolean downBefore = outage;
            int status = client.postStatus(body);
            boolean downAfter = outage;
            synchronized (mine) {
                mine.add(status);
            }
            if (downBefore && downAfter) {
                duringOutage.computeIfAbsent(status, k -> new AtomicInteger()).incrementAndGet();
            }
            if (status == 202) {
                accepted.add(id);
                sleep(pauseMillis);
                return;
            }
            sleep(200);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
