package vn.speedwatch.jobs.functions;

import org.apache.flink.api.common.state.StateTtlConfig;

import java.time.Duration;

/**
 * The state time-to-live every keyed state of the job gets, as a safety net under the timers that
 * clear state explicitly: state stays bounded even if a timer is lost in a savepoint migration.
 */
final class StateTtl {

    private StateTtl() {}

    static StateTtlConfig of(Duration ttl) {
        return StateTtlConfig.newBuilder(ttl)
                .updateTtlOnCreateAndWrite()
                .neverReturnExpired()
                .cleanupFullSnapshot()
                .cleanupIncrementally(10, false)
                .build();
    }
}
