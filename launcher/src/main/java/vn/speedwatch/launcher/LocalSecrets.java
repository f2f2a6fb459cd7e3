package vn.speedwatch.launcher;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import vn.speedwatch.model.Settings;

/**
 * The collector's secrets for the one-machine mode when none are configured: generated once and
 * kept in {@code data/secrets.properties} (owner-only), so receipts residents were given and device
 * hashes stay valid across restarts. Configured values always win and are never written.
 */
final class LocalSecrets {

    static final String FILE = "secrets.properties";
    static final List<String> KEYS = List.of("receipt.secret", "privacy.ip-hash-secret");

    private LocalSecrets() {}

    /** Values for the secrets {@code settings} lacks, read from or added to the data dir. */
    static Map<String, String> missing(Settings settings, Path dataDir) {
        Map<String, String> out = new HashMap<>();
        if (KEYS.stream().allMatch(k -> settings.find(k).isPresent())) {
            return out;
        }
        Path file = dataDir.resolve(FILE);
        Properties stored = read(file);
        boolean changed = false;
        for (String key : KEYS) {
            if (settings.find(key).isPresent()) {
                continue;
            }
            if (stored.getProperty(key) == null) {
                stored.setProperty(key, random());
                changed = true;
            }
            out.put(key, stored.getProperty(key));
        }
        if (changed) {
            write(file, stored);
        }
        return out;
    }

    private static String random() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static Properties read(Path file) {
        Properties p = new Properties();
        if (Files.exists(file)) {
            try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                p.load(r);
            } catch (IOException e) {
                throw new LauncherException("Không đọc được " + file, "cannot read " + file, e);
            }
        }
        return p;
    }

    private static void write(Path file, Properties p) {
        try {
            if (!Files.exists(file)) {
                Files.createFile(file);
                restrict(file);
            }
            try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                p.store(w, "speedwatch one-machine secrets: keep private, back up with data/");
            }
        } catch (IOException e) {
            throw new LauncherException("Không ghi được " + file, "cannot write " + file, e);
        }
    }

    private static void restrict(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system (Windows): the data directory's own access rules apply.
        }
    }
}
