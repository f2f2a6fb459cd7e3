package vn.speedwatch.collector.speedtest;

import java.util.Optional;

/** Parses the download test's {@code bytes} parameter: a whole number within the cap. */
final class ByteCount {

    /** Without the parameter a stream gets this much: enough for ~10 s on a 4G phone. */
    static final long DEFAULT_BYTES = 25L * 1024 * 1024;

    private ByteCount() {}

    static Optional<Long> parse(String text, long max) {
        if (text == null || text.isBlank()) {
            return Optional.of(Math.min(DEFAULT_BYTES, max));
        }
        try {
            long n = Long.parseLong(text.trim());
            return n >= 1 && n <= max ? Optional.of(n) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
