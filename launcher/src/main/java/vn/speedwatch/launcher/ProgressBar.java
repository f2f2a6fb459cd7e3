package vn.speedwatch.launcher;

import java.io.PrintStream;

/**
 * A text progress bar: redrawn in place on a terminal, one line per tenth when the output goes to a
 * file or a pipe (a log full of carriage returns helps nobody).
 */
final class ProgressBar {

    private static final int WIDTH = 40;

    private final PrintStream out;
    private final int total;
    private final boolean terminal;
    private int shownTenths = -1;

    ProgressBar(PrintStream out, int total) {
        this(out, total, System.console() != null);
    }

    ProgressBar(PrintStream out, int total, boolean terminal) {
        this.out = out;
        this.total = Math.max(1, total);
        this.terminal = terminal;
    }

    void show(int done) {
        if (terminal) {
            out.print("\r" + line(done, total));
        } else if (done * 10L / total > shownTenths) {
            shownTenths = (int) (done * 10L / total);
            out.println(line(done, total));
        }
        out.flush();
    }

    void finish() {
        if (terminal) {
            out.println();
        }
    }

    static String line(int done, int total) {
        int filled = (int) ((long) done * WIDTH / total);
        return "["
                + "#".repeat(filled)
                + ".".repeat(WIDTH - filled)
                + "] "
                + done
                + "/"
                + total
                + " ("
                + (int) ((long) done * 100 / total)
                + " %)";
    }
}
