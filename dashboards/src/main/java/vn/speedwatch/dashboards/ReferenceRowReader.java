package vn.speedwatch.dashboards;

import java.time.DateTimeException;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.speedwatch.model.AccessType;
import vn.speedwatch.model.Operator;

/**
 * Reads one data line of the reference-median CSV, adding a line-numbered message to the shared
 * error list for each bad field instead of stopping at the first.
 */
final class ReferenceRowReader {

    /** "2026-10" or "10/2026", as the portal shows months. */
    private static final Pattern ISO_MONTH = Pattern.compile("(\\d{4})-(\\d{1,2})");

    private static final Pattern VN_MONTH = Pattern.compile("(\\d{1,2})/(\\d{4})");
    private static final Pattern COUNT = Pattern.compile("\\d{1,3}(\\.\\d{3})+|\\d+");
    private static final double MAX_MBPS = 100_000;
    private static final double MAX_MS = 60_000;

    private final int lineNo;
    private final Map<String, Integer> columns;
    private final List<String> errors;
    private final int errorsBefore;
    private List<String> fields;

    ReferenceRowReader(int lineNo, Map<String, Integer> columns, List<String> errors) {
        this.lineNo = lineNo;
        this.columns = columns;
        this.errors = errors;
        this.errorsBefore = errors.size();
    }

    /** The row, or null when any field is bad (the reasons are in the error list). */
    ReferenceMedian read(String line) {
        try {
            fields = CsvLines.split(line);
        } catch (IllegalArgumentException e) {
            error(e.getMessage(), e.getMessage());
            return null;
        }
        YearMonth month = month(field("month"));
        String area = area(field("area"));
        Operator operator = operator(field("operator"));
        AccessType access = accessType(field("access_type"));
        Double download = number("download_median_mbps", MAX_MBPS, true);
        Double upload = number("upload_median_mbps", MAX_MBPS, true);
        Double latency = number("latency_median_ms", MAX_MS, false);
        Long samples = samples(field("samples"));
        if (errors.size() > errorsBefore) {
            return null;
        }
        return new ReferenceMedian(
                month, area, operator, access, download, upload, latency, samples);
    }

    private String field(String name) {
        Integer index = columns.get(name);
        return index == null || index >= fields.size() ? "" : fields.get(index);
    }

    private YearMonth month(String text) {
        Matcher iso = ISO_MONTH.matcher(text);
        Matcher vn = VN_MONTH.matcher(text);
        try {
            if (iso.matches()) {
                return YearMonth.of(Integer.parseInt(iso.group(1)), Integer.parseInt(iso.group(2)));
            }
            if (vn.matches()) {
                return YearMonth.of(Integer.parseInt(vn.group(2)), Integer.parseInt(vn.group(1)));
            }
        } catch (DateTimeException e) {
            // falls through to the message below
        }
        error(
                "tháng '" + text + "' không hợp lệ (dùng 2026-10 hoặc 10/2026)",
                "month '" + text + "' is invalid (use 2026-10 or 10/2026)");
        return null;
    }

    private String area(String text) {
        if (text.isEmpty()) {
            error("thiếu khu vực", "area is empty");
        }
        return text;
    }

    private Operator operator(String text) {
        Operator op = Operator.normalise(text);
        String folded = text.toLowerCase(Locale.ROOT);
        boolean saysOther = folded.equals("other") || folded.equals("khác");
        if (op == Operator.OTHER && !saysOther) {
            error("nhà mạng '" + text + "' không nhận ra", "operator '" + text + "' is unknown");
        }
        return op;
    }

    private AccessType accessType(String text) {
        for (AccessType t : AccessType.values()) {
            if (t.name().equalsIgnoreCase(text)
                    || t.labelVi().equalsIgnoreCase(text)
                    || t.labelEn().equalsIgnoreCase(text)) {
                return t;
            }
        }
        error(
                "loại truy cập '" + text + "' không nhận ra (ví dụ FIXED_FIBER, MOBILE_4G)",
                "access type '" + text + "' is unknown (e.g. FIXED_FIBER, MOBILE_4G)");
        return null;
    }

    private Double number(String column, double max, boolean required) {
        String text = field(column).replace(',', '.');
        if (text.isEmpty()) {
            if (required) {
                error("thiếu giá trị cột " + column, "column " + column + " is empty");
            }
            return null;
        }
        try {
            double v = Double.parseDouble(text);
            if (Double.isFinite(v) && v >= 0 && v <= max) {
                return v;
            }
        } catch (NumberFormatException e) {
            // falls through to the message below
        }
        error(
                "cột " + column + " = '" + field(column) + "' không phải số từ 0 đến " + (long) max,
                "column "
                        + column
                        + " = '"
                        + field(column)
                        + "' is not a number from 0 to "
                        + (long) max);
        return null;
    }

    private Long samples(String text) {
        if (text.isEmpty()) {
            return null;
        }
        // Vietnamese spreadsheets group thousands with dots: "12.480" is twelve thousand.
        if (COUNT.matcher(text).matches()) {
            try {
                return Long.parseLong(text.replace(".", ""));
            } catch (NumberFormatException e) {
                // too many digits: falls through to the message below
            }
        }
        error(
                "số mẫu '" + text + "' không phải số nguyên không âm",
                "samples '" + text + "' is not a non-negative integer");
        return null;
    }

    private void error(String vi, String en) {
        errors.add(String.format(Locale.ROOT, "Dòng %d: %s / Line %d: %s", lineNo, vi, lineNo, en));
    }
}
