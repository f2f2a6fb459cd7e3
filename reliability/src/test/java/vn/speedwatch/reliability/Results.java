package vn.speedwatch.reliability;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * Appends each run's numbers to {@code target/reliability-results.md}, the source of the outcome
 * table in docs/reliability.md.
 */
final class Results {

    private static final Path FILE = Path.of("target", "reliability-results.md");

    private Results() {}

    /** Records one line: the scenario, what was tried and what came out. */
    static synchronized void record(String scenario, String outcome) {
        String line = "| " + Instant.now() + " | " + scenario + " | " + outcome + " |\n";
        System.out.print("RESULT " + line);
        try {
            Files.createDirectories(FILE.getParent());
            Files.writeString(
                    FILE,
                    line,
                    StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            System.err.println("cannot write " + FILE + ": " + e);
        }
    }

    /** An integer system property, for the soak sizes. */
    static int size(String property, int fallback) {
        return Integer.getInteger(property, fallback);
    }
}
