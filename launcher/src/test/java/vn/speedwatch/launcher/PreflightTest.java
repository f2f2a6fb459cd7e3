package vn.speedwatch.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The start-up checks of the data directory, on this machine's real file system. */
class PreflightTest {

    @TempDir Path dir;

    @Test
    void aDiskWithoutRoomToGrowIsRefusedWithBothLanguagesAndTheFreeSpace() throws Exception {
        long free = Files.getFileStore(dir).getUsableSpace();
        // Asking for more than the disk has is the "almost full" case without filling the disk.
        assertThatThrownBy(
                        () -> Preflight.requireWritableDir(dir.resolve("data"), free + (1L << 40)))
                .isInstanceOf(LauncherException.class)
                .hasMessageContaining("gần đầy")
                .hasMessageContaining("almost full")
                .hasMessageContaining(dir.resolve("data").toString())
                .hasMessageContaining(" MiB free, at least ");
    }

    @Test
    void aWritableDirectoryWithRoomPassesAndLeavesNoProbeFileBehind() throws Exception {
        Path data = dir.resolve("data");
        assertThatCode(() -> Preflight.requireWritableDir(data, 1)).doesNotThrowAnyException();
        try (var files = Files.list(data)) {
            assertThat(files).isEmpty();
        }
    }
}
