package vn.speedwatch.warehouse.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a developer sees when the TimescaleDB test server is missing or not installed. */
class TimescaleServerSetupTest {

    @Test
    void findsTheServerFolderFromAModuleDirectory() {
        Path dir = TimescaleServer.toolDir(null);

        assertThat(dir.resolve("server.mjs")).isRegularFile();
        assertThat(dir.resolve("package-lock.json")).isRegularFile();
    }

    @Test
    void aServerWithoutNodeModulesAsksForNpmCi(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("server.mjs"), "// placeholder");

        assertThatThrownBy(() -> TimescaleServer.toolDir(dir.toString()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage(
                        "The TimescaleDB test server is not installed: run `npm ci` in "
                                + dir.toAbsolutePath());
    }

    @Test
    void aFolderWithoutTheServerIsNamed(@TempDir Path dir) {
        assertThatThrownBy(() -> TimescaleServer.toolDir(dir.toString()))
                .hasMessageStartingWith("No TimescaleDB test server at " + dir.toAbsolutePath());
    }
}
