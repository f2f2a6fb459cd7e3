package vn.speedwatch.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Configuration lookup shared by every module's typed config record: defaults, then an optional
 * properties file, then system properties, then environment variables, the last one winning.
 *
 * <p>Keys are dotted lower case ({@code kafka.bootstrap-servers}); the environment variable for a
 * key is {@code SPEEDWATCH_} plus the key upper-cased with dots and dashes as underscores ({@code
 * SPEEDWATCH_KAFKA_BOOTSTRAP_SERVERS}). The one-machine launcher and docker-compose use the same
 * keys. Secrets are only ever read here, never written to logs: {@link #toString()} omits values.
 */
public final class Settings {

    private static final String DURATION_FORMS = " (use 500ms, 10s, 5m, 2h, 7d or PT10S)";

    private final Map<String, String> values;

    /** Where each value came from (a file, a variable), for errors that point at the place. */
    private final Map<String, String> sources;

    private Settings(Map<String, String> values, Map<String, String> sources) {
        this.values = Map.copyOf(values);
        this.sources = Map.copyOf(sources);
    }

    /**
     * Settings from the given file (if not null), system properties and the process environment.
     */
    public static Settings load(Path file) {
        return load(file, System.getenv(), System.getProperties());
    }

    /** Settings from explicit sources; tests use this instead of mutating the environment. */
    public static Settings load(Path file, Map<String, String> env, Properties system) {
        Map<String, String> merged = new HashMap<>();
        Map<String, String> sources = new HashMap<>();
        if (file != null) {
            readFile(file)
                    .forEach(
                            (k, v) -> {
                                merged.put(k, v);
                                sources.put(k, "file " + file);
                            });
        }
        system.stringPropertyNames().stream()
                .filter(k -> k.startsWith("speedwatch."))
                .forEach(
                        k -> {
                            String key = normaliseKey(k.substring("speedwatch.".length()));
                            merged.put(key, system.getProperty(k));
                            sources.put(key, "-D" + k);
                        });
        env.forEach(
                (k, v) -> {
                    if (k.startsWith("SPEEDWATCH_")) {
                        String key = normaliseKey(envToKey(k));
                        merged.put(key, v);
                        sources.put(key, "environment " + k);
                    }
                });
        return new Settings(merged, sources);
    }

    /** Settings from a plain map of keys, for tests and for the launcher's command-line flags. */
    public static Settings of(Map<String, String> values) {
        Map<String, String> m = new HashMap<>();
        values.forEach((k, v) -> m.put(normaliseKey(k), v));
        return new Settings(m, Map.of());
    }

    /** These settings with {@code overrides} on top. */
    public Settings with(Map<String, String> overrides) {
        Map<String, String> merged = new HashMap<>(values);
        Map<String, String> sources = new HashMap<>(this.sources);
        overrides.forEach(
                (k, v) -> {
                    merged.put(normaliseKey(k), v);
                    sources.remove(normaliseKey(k));
                });
        return new Settings(merged, sources);
    }

    public Optional<String> find(String key) {
        return Optional.ofNullable(values.get(normaliseKey(key))).filter(v -> !v.isBlank());
    }

    public String string(String key, String defaultValue) {
        return find(key).orElse(defaultValue);
    }

    public int integer(String key, int defaultValue) {
        return find(key).map(v -> parse(key, v, Integer::parseInt)).orElse(defaultValue);
    }

    /** An integer within {@code min}-{@code max}; outside it is a config error naming the key. */
    public int integer(String key, int defaultValue, int min, int max) {
        return find(key)
                .map(
                        v ->
                                parse(
                                        key,
                                        v,
                                        text -> {
                                            int n = Integer.parseInt(text);
                                            if (n < min || n > max) {
                                                throw new IllegalArgumentException(
                                                        n + " is not within " + min + "-" + max);
                                            }
                                            return n;
                                        }))
                .orElse(defaultValue);
    }

    /** A TCP port, 0 (any free port) to 65535. */
    public int port(String key, int defaultValue) {
        return find(key)
                .map(
                        v ->
                                parse(
                                        key,
                                        v,
                                        text -> {
                                            int port = Integer.parseInt(text);
                                            if (port < 0 || port > 65535) {
                                                throw new IllegalArgumentException(
                                                        "port " + port + " is not within 0-65535");
                                            }
                                            return port;
                                        }))
                .orElse(defaultValue);
    }

    public long longValue(String key, long defaultValue) {
        return find(key).map(v -> parse(key, v, Long::parseLong)).orElse(defaultValue);
    }

    public double decimal(String key, double defaultValue) {
        return find(key).map(v -> parse(key, v, Double::parseDouble)).orElse(defaultValue);
    }

    public boolean bool(String key, boolean defaultValue) {
        return find(key)
                .map(
                        v ->
                                parse(
                                        key,
                                        v,
                                        s -> {
                                            if (s.equalsIgnoreCase("true")
                                                    || s.equalsIgnoreCase("false")) {
                                                return Boolean.parseBoolean(s);
                                            }
                                            throw new IllegalArgumentException("not true/false");
                                        }))
                .orElse(defaultValue);
    }

    /**
     * A duration written as ISO-8601 ({@code PT10S}) or as a number with a unit: 500ms, 10s, 5m,
     * 2h, 7d.
     */
    public Duration duration(String key, Duration defaultValue) {
        return find(key).map(v -> parse(key, v, Settings::parseDuration)).orElse(defaultValue);
    }

    /** The key's value, or a clear error naming the key and its environment variable. */
    public String required(String key) {
        return find(key)
                .orElseThrow(
                        () ->
                                new ConfigException(
                                        "missing setting '"
                                                + key
                                                + "' (environment variable "
                                                + keyToEnv(key)
                                                + ")"));
    }

    public static String keyToEnv(String key) {
        return "SPEEDWATCH_" + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    static Duration parseDuration(String s) {
        String v = s.trim().toLowerCase(Locale.ROOT);
        if (v.startsWith("p")) {
            return Duration.parse(v.toUpperCase(Locale.ROOT));
        }
        int split = 0;
        while (split < v.length() && (Character.isDigit(v.charAt(split)))) {
            split++;
        }
        if (split == 0) {
            throw new IllegalArgumentException("'" + s + "' is not a duration" + DURATION_FORMS);
        }
        long n = Long.parseLong(v.substring(0, split));
        return switch (v.substring(split).trim()) {
            case "ms" -> Duration.ofMillis(n);
            case "s", "" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            case "d" -> Duration.ofDays(n);
            default ->
                    throw new IllegalArgumentException(
                            "unknown unit '" + v.substring(split).trim() + "'" + DURATION_FORMS);
        };
    }

    @Override
    public String toString() {
        return "Settings" + values.keySet(); // keys only: values may be secrets
    }

    private static String envToKey(String env) {
        // SPEEDWATCH_KAFKA_BOOTSTRAP_SERVERS -> kafka.bootstrap.servers; normaliseKey folds '-' to
        // '.'.
        return env.substring("SPEEDWATCH_".length()).toLowerCase(Locale.ROOT).replace('_', '.');
    }

    private static String normaliseKey(String key) {
        return key.toLowerCase(Locale.ROOT).replace('-', '.').replace('_', '.');
    }

    private static Map<String, String> readFile(Path file) {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(file);
                Reader r = new java.io.InputStreamReader(in, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException e) {
            throw new ConfigException("cannot read config file " + file + ": " + e.getMessage());
        }
        Map<String, String> m = new HashMap<>();
        p.stringPropertyNames().forEach(k -> m.put(normaliseKey(k), p.getProperty(k).trim()));
        return m;
    }

    private <T> T parse(String key, String value, java.util.function.Function<String, T> parser) {
        try {
            return parser.apply(value.trim());
        } catch (RuntimeException e) {
            String place =
                    Optional.ofNullable(sources.get(normaliseKey(key)))
                            .map(source -> ", " + source)
                            .orElse("");
            throw new ConfigException(
                    "giá trị cấu hình không hợp lệ / invalid value for setting '"
                            + key
                            + "' ("
                            + keyToEnv(key)
                            + place
                            + "): "
                            + e.getMessage());
        }
    }

    /**
     * A setting is missing or malformed; the message names the key and its environment variable.
     */
    public static final class ConfigException extends RuntimeException {
        public ConfigException(String message) {
            super(message);
        }
    }
}
