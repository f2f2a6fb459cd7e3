package vn.speedwatch.warehouse;

import java.util.Set;

/**
 * Precondition checks for row records, so a bad row fails with a message naming the table and
 * column before it reaches the database (and never half a batch later).
 */
final class Require {

    private Require() {}

    static <T> T present(T value, String table, String column) {
        if (value == null) {
            throw new IllegalArgumentException(table + "." + column + " must not be null");
        }
        return value;
    }

    static String text(String value, String table, String column) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(table + "." + column + " must not be blank");
        }
        return noNul(value, table, column);
    }

    /** PostgreSQL text cannot hold NUL characters; say so here instead of failing a batch. */
    static String noNul(String value, String table, String column) {
        if (value != null && value.indexOf('\u0000') >= 0) {
            throw new IllegalArgumentException(
                    table + "." + column + " must not contain NUL characters");
        }
        return value;
    }

    /**
     * Free text people typed, with NUL characters replaced: PostgreSQL text cannot hold them, and
     * one stray byte in a note must not block a whole batch or lose the measurement.
     */
    static String storable(String value) {
        return value == null ? null : value.replace('\u0000', '\uFFFD');
    }

    static String oneOf(String value, Set<String> allowed, String table, String column) {
        if (!allowed.contains(value)) {
            throw new IllegalArgumentException(
                    table + "." + column + " must be one of " + allowed + ", got '" + value + "'");
        }
        return value;
    }

    /** A finite number (NaN and infinities are never measurements). */
    static double finite(double value, String table, String column) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(
                    table + "." + column + " must be a finite number, got " + value);
        }
        return value;
    }

    static Double finiteOrNull(Double value, String table, String column) {
        return value == null ? null : finite(value, table, column);
    }

    static long notNegative(long value, String table, String column) {
        if (value < 0) {
            throw new IllegalArgumentException(
                    table + "." + column + " must not be negative, got " + value);
        }
        return value;
    }
}
