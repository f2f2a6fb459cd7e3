package vn.speedwatch.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where a restart resumes: the newest complete snapshot, and nothing else is kept. */
class CheckpointLocatorTest {

    private static final Instant BEGINNING = Instant.parse("2026-11-01T00:00:00Z");

    @TempDir Path flink;

    @Test
    void startsFreshWithoutSnapshots() {
        assertThat(CheckpointLocator.latest(flink.resolve("missing"))).isEmpty();
        assertThat(CheckpointLocator.latest(flink)).isEmpty();
    }

    @Test
    void resumesFromTheNewestCompleteSnapshot() throws IOException {
        snapshot("checkpoints/job-a/chk-7", BEGINNING);
        Path newest = snapshot("savepoints/savepoint-a1b2c3-0123", BEGINNING.plusSeconds(60));
        snapshot("checkpoints/job-a/chk-6", BEGINNING.minusSeconds(60));

        assertThat(CheckpointLocator.latest(flink)).contains(newest);
    }

    @Test
    void skipsACheckpointCutShortByACrash() throws IOException {
        Path complete = snapshot("checkpoints/job-b/chk-3", BEGINNING);
        Files.createDirectories(flink.resolve("checkpoints/job-b/chk-4"));

        assertThat(CheckpointLocator.latest(flink)).contains(complete);
    }

    @Test
    void prunesEverySnapshotButTheOneResumedFrom() throws IOException {
        Path older = snapshot("checkpoints/job-old/chk-9", BEGINNING);
        Path keep = snapshot("checkpoints/job-new/chk-2", BEGINNING.plusSeconds(30));
        Path savepoint = snapshot("savepoints/savepoint-0a0a0a-1", BEGINNING.minusSeconds(30));

        SnapshotPruner.keepOnly(flink, Optional.of(keep));

        assertThat(keep).exists();
        assertThat(older.getParent()).doesNotExist();
        assertThat(savepoint).doesNotExist();
    }

    private Path snapshot(String dir, Instant at) throws IOException {
        Path d = Files.createDirectories(flink.resolve(dir));
        Path metadata = Files.writeString(d.resolve("_metadata"), "state");
        Files.setLastModifiedTime(metadata, FileTime.from(at));
        return d;
    }
}
