package vn.speedwatch.probe;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import vn.speedwatch.model.Json;
import vn.speedwatch.model.Measurement;

/**
 * Results waiting to be sent: one JSON file per measurement, named by its id, written before any
 * attempt to send so a power cut loses nothing. A file is written to a temporary name and moved, so
 * a half-written file never looks like a result. Results the collector refuses for good go to
 * {@code rejected/} to be looked at, not retried.
 */
final class Spool {

    private final Path dir;

    Spool(Path dir) {
        this.dir = dir;
        try {
            Files.createDirectories(dir.resolve("rejected"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the probe spool " + dir, e);
        }
    }

    void put(Measurement m) throws IOException {
        Path tmp = dir.resolve(m.id() + ".json.tmp");
        Json.mapper().writeValue(tmp.toFile(), m);
        Files.move(tmp, dir.resolve(m.id() + ".json"), StandardCopyOption.ATOMIC_MOVE);
    }

    /** The waiting results, oldest first. */
    List<Path> waiting() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".json"))
                    .sorted(Comparator.comparing(Spool::modified))
                    .toList();
        }
    }

    Measurement read(Path file) throws IOException {
        return Json.mapper().readValue(file.toFile(), Measurement.class);
    }

    void sent(UUID id) throws IOException {
        Files.deleteIfExists(dir.resolve(id + ".json"));
    }

    void rejected(Path file) throws IOException {
        Files.move(
                file,
                dir.resolve("rejected").resolve(file.getFileName()),
                StandardCopyOption.REPLACE_EXISTING);
    }

    private static long modified(Path p) {
        try {
            return Files.getLastModifiedTime(p).toMillis();
        } catch (IOException e) {
            return Long.MAX_VALUE; // vanished meanwhile: sort last, the send will skip it
        }
    }
}
