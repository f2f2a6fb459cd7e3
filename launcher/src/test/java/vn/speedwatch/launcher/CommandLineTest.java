package vn.speedwatch.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The {@code speedwatch} command as a person meets it: help in Vietnamese first, and mistakes
 * answered with one line and exit code 2, never a stack trace.
 */
class CommandLineTest {

    @TempDir Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void helpOfEverySubcommandIsVietnameseFirst() {
        List<List<String>> commands =
                List.of(
                        List.of(),
                        List.of("run"),
                        List.of("demo"),
                        List.of("migrate"),
                        List.of("report"),
                        List.of("rebuild"),
                        List.of("areas"),
                        List.of("areas", "import"),
                        List.of("user"),
                        List.of("user", "add"));
        for (List<String> command : commands) {
            StringWriter help = new StringWriter();
            CommandLine cl = SpeedwatchCommand.commandLine();
            cl.setOut(new PrintWriter(help));
            List<String> args = new java.util.ArrayList<>(command);
            args.add("--help");
            assertThat(cl.execute(args.toArray(String[]::new))).as(args.toString()).isZero();
            String[] lines = help.toString().split("\\R");
            String description =
                    java.util.Arrays.stream(lines)
                            .filter(
                                    l ->
                                            !l.startsWith("Usage")
                                                    && !l.startsWith(" ")
                                                    && !l.isBlank())
                            .findFirst()
                            .orElseThrow();
            assertThat(description)
                    .as(String.join(" ", command))
                    .containsPattern("[ạảãàáâậầấẩẫăắằặẳẵđêếềệểễôốồộổỗơớờợởỡưứừựửữ]");
        }
    }

    @Test
    void aPortInUseIsOneLineAndExitCodeTwo() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            int code =
                    execute(
                            "run",
                            "--data-dir",
                            dir.toString(),
                            "--port",
                            Integer.toString(taken.getLocalPort()),
                            "--db-url",
                            "jdbc:postgresql://127.0.0.1:1/none");
            assertThat(code).isEqualTo(2);
        }
        assertThat(err.toString().strip())
                .doesNotContain("\n")
                .doesNotContain("Exception")
                .contains("đang được chương trình khác dùng")
                .contains("already in use");
    }

    @Test
    void anUnwritableDataDirectoryIsOneLineAndExitCodeTwo() throws IOException {
        Path file = Files.writeString(dir.resolve("not-a-dir"), "x");
        int code = execute("run", "--data-dir", file.resolve("data").toString(), "--port", "0");
        assertThat(code).isEqualTo(2);
        assertThat(err.toString().strip())
                .doesNotContain("\n")
                .doesNotContain("Exception")
                .contains("Không ghi được")
                .contains("not writable");
    }

    @Test
    void anInvalidAreaFileNamesEveryBadFeatureAndStoresNothing() throws IOException {
        Path bad =
                Files.writeString(
                        dir.resolve("tdp.geojson"),
                        """
                {"type": "FeatureCollection", "features": [
                  {"type": "Feature", "properties": {"code": "TDP-01", "name": "Tổ 1",
                   "ward": "Phường Thủy Nguyên"},
                   "geometry": {"type": "Point", "coordinates": [106.66, 20.93]}},
                  {"type": "Feature", "properties": {"name": "Không mã"},
                   "geometry": {"type": "Polygon", "coordinates": [[[106.6, 20.9],
                     [106.7, 20.9], [106.7, 21.0], [106.6, 20.9]]]}}]}
                """);
        // No database flag: validation must fail before any database is touched.
        int code = execute("areas", "import", bad.toString(), "--data-dir", dir.toString());
        assertThat(code).isEqualTo(2);
        assertThat(err.toString())
                .contains("feature #1")
                .contains("feature #2")
                .doesNotContain("Exception");
        assertThat(dir.resolve("pg")).doesNotExist();
    }

    @Test
    void aMalformedPeriodIsRefusedBeforeAnythingStarts() {
        int code =
                execute(
                        "rebuild",
                        "--from",
                        "2026-13-01",
                        "--to",
                        "2026-11-01",
                        "--data-dir",
                        dir.toString());
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("--from không hợp lệ");
        assertThat(dir.resolve("pg")).doesNotExist();
    }

    @Test
    void aMalformedMonthIsRefused() {
        int code = execute("report", "--month", "10/2026", "--data-dir", dir.toString());
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("Tháng không hợp lệ").contains("invalid month");
    }

    private int execute(String... args) {
        CommandLine cl = SpeedwatchCommand.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }
}
