package vn.speedwatch.warehouse;

/**
 * A warehouse operation failed; the message says which operation and carries the database's reason
 * (SQL state and message), so the caller can log it or retry without a stack dive.
 */
public final class WarehouseException extends RuntimeException {

    public WarehouseException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Wraps a driver error with the operation it interrupted. */
    static WarehouseException of(String operation, java.sql.SQLException e) {
        String state = e.getSQLState() == null ? "" : " [SQLState " + e.getSQLState() + "]";
        return new WarehouseException(operation + " failed" + state + ": " + e.getMessage(), e);
    }
}
