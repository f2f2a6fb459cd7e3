package vn.speedwatch.jobs.functions;

import java.time.Duration;
import org.apache.flink.api.common.state.StateTtlConfig;

/**
 * The state time-to-live every keyed state of the job gets. For most states it is a safety net
 * under the timers that clear state explicitly: state stays bounded even if a timer is lost in a
 * savepoint migration. The de-duplication state has no timers and relies on it alone.
 *
 * <p>Expired entries never reach a checkpoint; on the heap, incremental cleanup visits the next
 * bucket of the state table on each state access. One bucket per access still sweeps the smaller
 * states many times within a TTL of days, whereas ten per access cost a tenth of the job's time on
 * the per-event path (profiled with {@code bench/stream-jobs/run}).
 */
final class StateTtl {

    private StateTtl() {}

    static StateTtlConfig of(Duration ttl) {
        return of(ttl, 1);
    }

    /**
     * With {@code bucketsPerAccess} buckets of the heap state table visited per state access. A
     * table has 1.3–2.7 buckets per entry (load factor 0.75, doubled when full).
     */
    static StateTtlConfig of(Duration ttl, int bucketsPerAccess) {
        return StateTtlConfig.newBuilder(ttl)
                .updateTtlOnCreateAndWrite()
                .neverReturnExpired()
                .cleanupFullSnapshot()
                .cleanupIncrementally(bucketsPerAccess, false)
                .build();
    }
}
