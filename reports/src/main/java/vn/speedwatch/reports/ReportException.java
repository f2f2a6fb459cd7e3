package vn.speedwatch.reports;

/**
 * A report cannot be made as asked (bad month, unreadable data, unwritable folder). The message is
 * Vietnamese first, then English, ready to show to the official who asked.
 */
public final class ReportException extends RuntimeException {

    public ReportException(String messageVi, String messageEn) {
        super(messageVi + " / " + messageEn);
    }

    public ReportException(String messageVi, String messageEn, Throwable cause) {
        super(messageVi + " / " + messageEn, cause);
    }
}
