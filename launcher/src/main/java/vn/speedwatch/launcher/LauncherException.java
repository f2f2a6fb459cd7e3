package vn.speedwatch.launcher;

/**
 * A problem the person starting speedwatch can fix (a port in use, a data directory that cannot be
 * written, a bad setting): the command prints the message on one line and exits with code 2 instead
 * of a stack trace. Messages are Vietnamese first, then English.
 */
public final class LauncherException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public LauncherException(String vietnamese, String english) {
        super(vietnamese + " / " + english);
    }

    public LauncherException(String vietnamese, String english, Throwable cause) {
        super(vietnamese + " / " + english, cause);
    }
}
