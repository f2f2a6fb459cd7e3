package vn.speedwatch.model;

import java.util.List;
import java.util.Objects;

/**
 * One reason a submitted measurement was refused: where (a JSON pointer such as {@code
 * /downloadMbps}, or {@code ""} for the whole body) and why, in Vietnamese for residents and in
 * English for developers. Validation returns every violation, never only the first.
 */
public record Violation(String pointer, String messageVi, String messageEn) {

    public Violation {
        Objects.requireNonNull(pointer, "pointer");
        Objects.requireNonNull(messageVi, "messageVi");
        Objects.requireNonNull(messageEn, "messageEn");
    }

    /** This violation as seen from an enclosing array: item 3's {@code /x} becomes {@code /3/x}. */
    public Violation atIndex(int index) {
        return prefixed("/" + index);
    }

    /** This violation below an enclosing pointer ({@code "/items"} + {@code /x}). */
    public Violation prefixed(String parentPointer) {
        return new Violation(parentPointer + pointer, messageVi, messageEn);
    }

    /** All {@code violations} of batch item {@code index}. */
    public static List<Violation> atIndex(int index, List<Violation> violations) {
        return violations.stream().map(v -> v.atIndex(index)).toList();
    }

    /** Both languages on one line, for logs and dead-letter records. */
    public String describe() {
        return (pointer.isEmpty() ? "(body)" : pointer) + ": " + messageEn + " / " + messageVi;
    }
}
