package vn.speedwatch.console;

/** A console operation failed for a reason the official cannot fix (database down, bug). */
public final class ConsoleException extends RuntimeException {

    public ConsoleException(String message, Throwable cause) {
        super(message, cause);
    }
}
