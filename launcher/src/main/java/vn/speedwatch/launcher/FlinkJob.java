package vn.speedwatch.launcher;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ExternalizedCheckpointRetention;
import org.apache.flink.configuration.MemorySize;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.execution.SavepointFormatType;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.speedwatch.jobs.QualityPipeline;
import vn.speedwatch.jobs.config.PipelineConfig;

/**
 * The quality pipeline running in a Flink MiniCluster inside this JVM. It resumes from the newest
 * retained checkpoint or savepoint under {@code data/flink}, keeps its checkpoints when cancelled,
 * and on {@link #stop} takes a savepoint so the next start continues exactly where this one ended.
 */
final class FlinkJob {

    private static final Logger LOG = LoggerFactory.getLogger(FlinkJob.class);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final JobClient client;
    private final Path savepoints;

    private FlinkJob(JobClient client, Path savepoints) {
        this.client = client;
        this.savepoints = savepoints;
    }

    /** Submits the job and waits until it runs. */
    static FlinkJob start(PipelineConfig config, Path flinkDir) throws Exception {
        Optional<Path> resumeFrom = CheckpointLocator.latest(flinkDir);
        SnapshotPruner.keepOnly(flinkDir, resumeFrom);
        Path savepoints = flinkDir.resolve("savepoints");
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.createLocalEnvironment(
                        clusterConfiguration(config.parallelism(), savepoints, resumeFrom));
        QualityPipeline.configure(env, config);
        QualityPipeline.forKafka(config).build(env);
        resumeFrom.ifPresentOrElse(
                p -> LOG.info("Flink job resumes from {}", p),
                () ->
                        LOG.info(
                                "Flink job starts fresh (no retained checkpoint under {})",
                                flinkDir));
        JobClient client = env.executeAsync(QualityPipeline.JOB_NAME);
        FlinkJob job = new FlinkJob(client, savepoints);
        job.awaitRunning();
        return job;
    }

    /** Small memory for one machine: the state backend is on the heap, not managed memory. */
    static Configuration smallCluster(int parallelism) {
        Configuration c = new Configuration();
        c.set(TaskManagerOptions.NUM_TASK_SLOTS, parallelism);
        c.set(TaskManagerOptions.MANAGED_MEMORY_SIZE, MemorySize.parse("16m"));
        c.set(TaskManagerOptions.NETWORK_MEMORY_MIN, MemorySize.parse("16m"));
        c.set(TaskManagerOptions.NETWORK_MEMORY_MAX, MemorySize.parse("16m"));
        return c;
    }

    /** The streaming job's cluster: checkpoints kept on cancel, resuming where told. */
    static Configuration clusterConfiguration(
            int parallelism, Path savepoints, Optional<Path> resumeFrom) {
        Configuration c = smallCluster(parallelism);
        c.set(
                CheckpointingOptions.EXTERNALIZED_CHECKPOINT_RETENTION,
                ExternalizedCheckpointRetention.RETAIN_ON_CANCELLATION);
        c.set(CheckpointingOptions.MAX_RETAINED_CHECKPOINTS, 2);
        c.set(CheckpointingOptions.SAVEPOINT_DIRECTORY, savepoints.toUri().toString());
        resumeFrom.ifPresent(
                p -> {
                    c.set(StateRecoveryOptions.SAVEPOINT_PATH, p.toUri().toString());
                    // An operator removed in a new version must not keep the job from starting.
                    c.set(StateRecoveryOptions.SAVEPOINT_IGNORE_UNCLAIMED_STATE, true);
                });
        return c;
    }

    String jobId() {
        return client.getJobID().toHexString();
    }

    /** The job's current status, or FAILED when it cannot be asked (the cluster is gone). */
    JobStatus status() {
        try {
            return client.getJobStatus().get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            return JobStatus.FAILED;
        }
    }

    /**
     * Stops with a savepoint; if that does not finish in time, cancels (the last completed
     * checkpoint is retained, so nothing is lost: the records after it are read again).
     */
    void stop(Duration timeout) {
        try {
            String path =
                    client.stopWithSavepoint(
                                    false,
                                    savepoints.toUri().toString(),
                                    SavepointFormatType.CANONICAL)
                            .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            LOG.info("Flink job {} stopped with savepoint {}", jobId(), path);
        } catch (Exception e) {
            LOG.warn(
                    "Flink job {} could not take a savepoint ({}); cancelling, the next start "
                            + "resumes from the last checkpoint",
                    jobId(),
                    e.toString());
            cancel();
        }
        awaitTermination();
    }

    private void cancel() {
        try {
            client.cancel().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.warn("Flink job {} did not cancel cleanly: {}", jobId(), e.toString());
        }
    }

    private void awaitTermination() {
        try {
            client.getJobExecutionResult().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            // A stopped or cancelled job ends its result future exceptionally: expected here.
            LOG.debug("Flink job {} ended: {}", jobId(), e.toString());
        }
    }

    private void awaitRunning() throws InterruptedException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        JobStatus s = status();
        while (s != JobStatus.RUNNING && System.nanoTime() < deadline) {
            if (s.isTerminalState()) {
                throw new LauncherException(
                        "Luồng xử lý Flink dừng ngay khi khởi động (" + s + ")",
                        "the Flink job ended while starting: " + s);
            }
            Thread.sleep(100);
            s = status();
        }
        if (s != JobStatus.RUNNING) {
            cancel();
            throw new LauncherException(
                    "Luồng xử lý Flink không chạy sau " + START_TIMEOUT,
                    "the Flink job is not running after " + START_TIMEOUT);
        }
    }
}
