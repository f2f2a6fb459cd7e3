package vn.speedwatch.reports;

import java.nio.file.Path;
import java.time.Clock;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import vn.speedwatch.model.Operator;

/**
 * What an official asks for: the month, one operator or all of them, where the files go and who
 * asked (kept in the archive).
 */
public record ReportRequest(
        YearMonth month, Optional<Operator> operator, Path outDir, String requestedBy) {

    public ReportRequest {
        Objects.requireNonNull(month, "month");
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(outDir, "outDir");
        if (requestedBy == null || requestedBy.isBlank()) {
            throw new ReportException(
                    "Thiếu tên người yêu cầu báo cáo", "the requesting person is missing");
        }
    }

    /**
     * A request from text as typed on a command line or a form.
     *
     * @param month {@code YYYY-MM}
     * @param operator an operator code ({@code VIETTEL}), or null/blank for all operators
     * @throws ReportException for a malformed month, a month after the current one, or an unknown
     *     operator
     */
    public static ReportRequest parse(
            String month, String operator, Path outDir, String requestedBy, Clock clock) {
        YearMonth ym = parseMonth(month);
        YearMonth current = YearMonth.now(clock.withZone(ReportsConfig.VIETNAM));
        if (ym.isAfter(current)) {
            throw new ReportException(
                    "Tháng " + ym + " chưa đến: chỉ lập báo cáo cho tháng đã qua hoặc tháng này",
                    "month " + ym + " is in the future");
        }
        return new ReportRequest(ym, parseOperator(operator), outDir, requestedBy);
    }

    static YearMonth parseMonth(String month) {
        String text = month == null ? "" : month.trim();
        try {
            return YearMonth.parse(text);
        } catch (DateTimeParseException e) {
            throw new ReportException(
                    "Tháng không hợp lệ: \"" + text + "\" (cần dạng YYYY-MM, ví dụ 2026-10)",
                    "invalid month \"" + text + "\" (expected YYYY-MM, e.g. 2026-10)");
        }
    }

    static Optional<Operator> parseOperator(String operator) {
        if (operator == null || operator.isBlank()) {
            return Optional.empty();
        }
        String code = operator.trim().toUpperCase(java.util.Locale.ROOT);
        return Optional.of(
                Arrays.stream(Operator.values())
                        .filter(o -> o.name().equals(code))
                        .findFirst()
                        .orElseThrow(
                                () ->
                                        new ReportException(
                                                "Nhà mạng không xác định: " + operator.trim(),
                                                "unknown operator code: " + operator.trim())));
    }
}
