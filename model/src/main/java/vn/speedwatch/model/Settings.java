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

    private final Map<String, String> values;

    private Settings(Map<String, String> values) {
        this.values = Map.copyOf(values);
    }

    /** Settings from the given file (if not null), system properties and the process environment. */
    public static Settings load(Path file) {
        return load(file, System.getenv(), System.getProperties());
    }

    /** Settings from explicit sources; tests use this instead of mutating the environment. */
    public static Settings load(Path file, Map<String, String> env, Properties system) {
        Map<String, String> merged = new HashMap<>();
        if (file != null) {
            merged.putAll(readFile(file));
        }
        system.stringPropertyNames().stream()
                .filter(k -> k.startsWith("speedwatch."))
                .forEach(k -> merged.put(normaliseKey(k.substring("speedwatch.".length())), system.getProperty(k)));
        env.forEach(
                (k, v) -> {
                    if (k.startsWith("SPEEDWATCH_")) {
                        merged.put(normaliseKey(envToKey(k)), v);
                    }
                });
        return new Settings(merged);
    }

    /** Settings from a plain map of keys, for tests and for the launcher's command-line flags. */
    public static Settings of(Map<String, String> values) {
        Map<String, String> m = new HashMap<>();
        values.forEach((k, v) -> m.put(normaliseKey(k), v));
        return new Settings(m);
    }

    /** These settings with {@code overrides} on top. */
    public Settings with(Map<String, String> overrides) {
        Map<String, String> merged = new HashMap<>(values);
        overrides.forEach((k, v) -> merged.put(normaliseKey(k), v));
        return new Settings(merged);
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
                                            if (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false")) {
                                                return Boolean.parseBoolean(s);
                                            }
                                            throw new IllegalArgumentException("not true/false");
                                        }))
                .orElse(defaultValue);
    }

    /** A duration written as ISO-8601 ({@code PT10S}) or as a number with a unit: 500ms, 10s, 5m, 2h, 7d. */
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
            throw new IllegalArgumentException("not a duration");
        }
        long n = Long.parseLong(v.substring(0, split));
        return switch (v.substring(split).trim()) {
            case "ms" -> Duration.ofMillis(n);
            case "s", "" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            case "d" -> Duration.ofDays(n);
            default -> throw new IllegalArgumentException("unknown unit");
        };
    }

    @Override
    public String toString() {
        return "Settings" + values.keySet(); // keys only: values may be secrets
    }

    private static String envToKey(String env) {
        // SPEEDWATCH_KAFKA_BOOTSTRAP_SERVERS -> kafka.bootstrap.servers; normaliseKey folds '-' to '.'.
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

    private static <T> T parse(String key, String value, java.util.function.Function<String, T> parser) {
        try {
            return parser.apply(value.trim());
        } catch (RuntimeException e) {
            throw new ConfigException(
                    "setting '" + key + "' (" + keyToEnv(key) + ") has an invalid value: " + e.getMessage());
        }
    }

    /** A setting is missing or malformed; the message names the key and its environment variable. */
    public static final class ConfigException extends RuntimeException {
        public ConfigException(String message) {
            super(message);
        }
    }
}
