package vn.speedwatch.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import vn.speedwatch.model.Settings;

/**
 * The repository as the deployment files see it: its root, and the {@code SPEEDWATCH_*} variables
 * the services really read, collected from the sources rather than listed by hand.
 */
final class RepoFiles {

    /** {@code s.string("db.url", …)}, {@code s.find("kafka.topic")}, {@code list(s, "…")}. */
    private static final Pattern SETTINGS_KEY =
            Pattern.compile(
                    "(?:\\b(?:string|integer|longValue|decimal|bool|duration|find|required)\\(\\s*"
                            + "|\\(\\s*s\\s*,\\s*)\"([a-z][a-z0-9.\\-]*)\"");

    /** {@code ${SPEEDWATCH_DB_HOST}} in Grafana provisioning files. */
    private static final Pattern ENV_REFERENCE = Pattern.compile("\\$\\{(SPEEDWATCH_[A-Z0-9_]+)");

    private RepoFiles() {}

    static Path root() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("docker-compose.yml"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("docker-compose.yml not found above the build dir");
        }
        return dir;
    }

    /** Environment names of every key read through {@link Settings} in main sources. */
    static Set<String> settingsEnvironment() {
        Set<String> names = new TreeSet<>();
        try (Stream<Path> files = Files.walk(root())) {
            files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> p.toString().contains("/src/main/java/"))
                    .forEach(p -> scan(p, SETTINGS_KEY, names, true));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return names;
    }

    /** {@code SPEEDWATCH_*} variables referenced by the files under a directory. */
    static Set<String> referencedEnvironment(Path dir) {
        Set<String> names = new TreeSet<>();
        try (Stream<Path> files = Files.walk(dir)) {
            files.filter(Files::isRegularFile)
                    .filter(p -> p.toString().endsWith(".yml") || p.toString().endsWith(".yaml"))
                    .forEach(p -> scan(p, ENV_REFERENCE, names, false));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return names;
    }

    private static void scan(Path file, Pattern pattern, Set<String> into, boolean isKey) {
        try {
            Matcher m = pattern.matcher(Files.readString(file));
            while (m.find()) {
                into.add(isKey ? Settings.keyToEnv(m.group(1)) : m.group(1));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
