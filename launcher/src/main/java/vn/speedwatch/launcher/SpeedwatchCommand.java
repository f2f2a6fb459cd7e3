package vn.speedwatch.launcher;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import vn.speedwatch.model.AreaFormatException;
import vn.speedwatch.model.Settings;
import vn.speedwatch.reports.ReportException;

/**
 * The {@code speedwatch} command: one entry point for officials and operators. {@code demo} and
 * {@code run} start the whole system in this JVM; the other subcommands work on the warehouse.
 * Problems the user can fix end with one line on stderr and exit code 2, never a stack trace.
 */
@Command(
        name = "speedwatch",
        mixinStandardHelpOptions = true,
        version = "speedwatch 0.1.0",
        description = {
            "Giám sát chất lượng Internet phường Thủy Nguyên.",
            "Internet-quality watch of phường Thủy Nguyên."
        },
        subcommands = {
            RunCommand.class,
            DemoCommand.class,
            MigrateCommand.class,
            ReportCommand.class,
            RebuildCommand.class,
            AreasCommand.class,
            UserCommand.class
        })
public final class SpeedwatchCommand implements Runnable {

    static final int USER_ERROR = 2;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        int code = commandLine().execute(args);
        // run/demo return only after their shutdown hook stopped everything.
        System.exit(code);
    }

    /** The parser with the error handling every entry point (and the tests) use. */
    static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new SpeedwatchCommand());
        cl.setExecutionExceptionHandler(SpeedwatchCommand::handle);
        return cl;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static String oneLine(String message) {
        return String.valueOf(message).replaceAll("\\s*\\R\\s*", " ");
    }

    private static int handle(Exception e, CommandLine cl, CommandLine.ParseResult parsed) {
        PrintWriter err = cl.getErr();
        if (e instanceof LauncherException
                || e instanceof Settings.ConfigException
                || e instanceof ReportException
                || e instanceof IllegalArgumentException
                || e instanceof java.io.UncheckedIOException) {
            // One line, even when a library's message (Flyway's) spans several.
            err.println("Lỗi / error: " + oneLine(e.getMessage()));
            err.flush();
            return USER_ERROR;
        }
        if (e instanceof AreaFormatException a) {
            err.println(
                    "Lỗi / error: tệp ranh giới TDP không dùng được ("
                            + a.problems().size()
                            + " lỗi) / the TDP boundary file cannot be used:");
            a.problems().forEach(p -> err.println("  - " + p));
            err.flush();
            return USER_ERROR;
        }
        err.println("Lỗi không mong đợi / unexpected error: " + e);
        err.flush();
        org.slf4j.LoggerFactory.getLogger(SpeedwatchCommand.class).error("Command failed", e);
        return 1;
    }
}
