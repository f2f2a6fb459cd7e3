package vn.speedwatch.jobs.testing;

import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.api.common.state.CheckpointListener;
import vn.speedwatch.jobs.records.RawEvent;

/**
 * Throws once, at the first record after {@code afterRecords} records once a checkpoint has
 * completed, so the job restarts from that checkpoint and replays the rest. Static flags survive
 * the restart (same JVM); records are slowed slightly so a checkpoint completes mid-stream.
 */
public final class FailOnceAfterCheckpoint
        implements MapFunction<RawEvent, RawEvent>, CheckpointListener {

    public static final AtomicBoolean ARMED = new AtomicBoolean();
    public static final AtomicBoolean FAILED = new AtomicBoolean();
    private static volatile boolean checkpointed;

    private final int afterRecords;
    private int seen;

    public FailOnceAfterCheckpoint(int afterRecords) {
        this.afterRecords = afterRecords;
    }

    /** Arms the fault for the next job. */
    public static void arm() {
        checkpointed = false;
        FAILED.set(false);
        ARMED.set(true);
    }

    @Override
    public RawEvent map(RawEvent e) throws Exception {
        seen++;
        if (ARMED.get() && seen >= afterRecords) {
            if (checkpointed && ARMED.compareAndSet(true, false)) {
                FAILED.set(true);
                throw new IllegalStateException("injected failure after record " + seen);
            }
            Thread.sleep(2);
        }
        return e;
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) {
        checkpointed = true;
    }
}
