package vn.speedwatch.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The standalone collector given a malformed setting stops at once with one line that names the key
 * and where it was set — what an operator reads in {@code journalctl} — and no stack trace.
 */
class ConfigErrorStartupTest {

    @TempDir Path dir;

    @Test
    void malformedSettingStopsTheCollectorWithOneLineNamingTheKey() throws Exception {
        Path log = dir.resolve("collector.log");

        assertThatThrownBy(
                        () ->
                                CollectorProcess.start(
                                        Map.of("collector.max-batch", "abc"),
                                        CollectorProcess.freePort(),
                                        log))
                .hasMessageContaining("collector exited with 2");

        String out =
                Files.readString(log.resolveSibling("collector.log.out"), StandardCharsets.UTF_8);
        Results.record(
                "malformed setting at startup",
                "collector.max-batch=abc → exit 2, "
                        + out.lines().count()
                        + " line(s): "
                        + out.strip());
        assertThat(out)
                .contains("Lỗi cấu hình / config error")
                .contains("'collector.max-batch'")
                .contains("SPEEDWATCH_COLLECTOR_MAX_BATCH")
                .contains("-Dspeedwatch.collector.max-batch")
                .doesNotContain("\tat ")
                .doesNotContain("Exception");
    }
}
