package vn.speedwatch.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes the checkpoints of earlier runs and older savepoints, keeping only the snapshot the job
 * resumes from, so {@code data/flink} does not grow with every restart.
 */
final class SnapshotPruner {

    private static final Logger LOG = LoggerFactory.getLogger(SnapshotPruner.class);

    private SnapshotPruner() {}

    static void keepOnly(Path flinkDir, Optional<Path> keep) {
        // checkpoints/<job id>/chk-N: keep the whole job directory of the snapshot we resume from.
        prune(flinkDir.resolve("checkpoints"), keep.map(Path::getParent));
        prune(flinkDir.resolve("savepoints"), keep);
    }

    private static void prune(Path parent, Optional<Path> keep) {
        if (!Files.isDirectory(parent)) {
            return;
        }
        try (Stream<Path> children = Files.list(parent)) {
            for (Path child : children.toList()) {
                if (keep.map(k -> !k.equals(child)).orElse(true)) {
                    deleteTree(child);
                }
            }
        } catch (IOException e) {
            LOG.warn("Could not prune old Flink snapshots in {}: {}", parent, e.toString());
        }
    }

    private static void deleteTree(Path root) throws IOException {
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(root)) {
            paths = walk.sorted(Comparator.reverseOrder()).toList();
        }
        for (Path p : paths) {
            Files.deleteIfExists(p);
        }
        LOG.info("Deleted old Flink snapshot {}", root);
    }
}
