package vn.speedwatch.jobs.functions;

import java.time.Duration;
import org.apache.flink.api.common.state.StateTtlConfig;

/**
 * The state time-to-live every keyed state of the job gets, as a safety net under the timers that
 * clear state explicitly: state stays bounded even if a timer is lost in a savepoint migration.
 *
 * <p>Incremental cleanup visits one more entry per state access: that still sweeps the whole state
 * many times within a TTL of days, whereas ten per access cost a tenth of the job's time on the
 * per-event path (profiled with {@code bench/stream-jobs/run}).
 */
final class StateTtl {

    private StateTtl() {}

    static StateTtlConfig of(Duration ttl) {
        return StateTtlConfig.newBuilder(ttl)
                .updateTtlOnCreateAndWrite()
                .neverReturnExpired()
                .cleanupFullSnapshot()
                .cleanupIncrementally(1, false)
                .build();
    }
}
