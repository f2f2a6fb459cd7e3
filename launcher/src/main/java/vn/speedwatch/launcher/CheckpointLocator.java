package vn.speedwatch.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Finds where the Flink job should resume: the newest completed checkpoint ({@code chk-N}) or
 * savepoint ({@code savepoint-*}) under the launcher's Flink directory. Only directories with a
 * {@code _metadata} file count: a checkpoint cut short by a crash has none and is skipped.
 */
final class CheckpointLocator {

    static final String METADATA = "_metadata";

    private CheckpointLocator() {}

    /** The newest restorable snapshot directory under {@code flinkDir}, if any. */
    static Optional<Path> latest(Path flinkDir) {
        if (!Files.isDirectory(flinkDir)) {
            return Optional.empty();
        }
        // flink/checkpoints/<job id>/chk-N/_metadata and flink/savepoints/savepoint-*/_metadata
        try (Stream<Path> files = Files.find(flinkDir, 4, (p, a) -> isSnapshotMetadata(p))) {
            return files.max(Comparator.comparing(CheckpointLocator::modified))
                    .map(Path::getParent);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + flinkDir, e);
        }
    }

    private static boolean isSnapshotMetadata(Path p) {
        if (!p.getFileName().toString().equals(METADATA) || p.getParent() == null) {
            return false;
        }
        String dir = p.getParent().getFileName().toString();
        return dir.matches("chk-\\d+") || dir.startsWith("savepoint-");
    }

    private static FileTime modified(Path p) {
        try {
            return Files.getLastModifiedTime(p);
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }
}
