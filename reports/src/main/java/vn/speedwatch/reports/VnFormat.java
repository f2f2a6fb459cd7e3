package vn.speedwatch.reports;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.YearMonth;

/**
 * Numbers as a Vietnamese reader writes them: comma for decimals, dot for thousands ("1.234,5").
 * Absent values print as an en dash.
 */
final class VnFormat {

    static final String NONE = "–";
    private static final DecimalFormatSymbols SYMBOLS = symbols();

    private VnFormat() {}

    static String integer(long n) {
        return new DecimalFormat("#,##0", SYMBOLS).format(n);
    }

    static String decimal(Double d, int digits) {
        if (d == null || d.isNaN()) {
            return NONE;
        }
        String pattern = digits == 0 ? "#,##0" : "#,##0." + "0".repeat(digits);
        return new DecimalFormat(pattern, SYMBOLS).format(d);
    }

    /** A share 0..1 as a percentage with one decimal: "12,5 %". */
    static String percent(Double share) {
        return share == null ? NONE : decimal(share * 100, 1) + " %";
    }

    /** Relative change of {@code now} against {@code before}: "+12,0 %", or a dash. */
    static String change(Double now, Double before) {
        if (now == null || before == null || before == 0) {
            return NONE;
        }
        double pct = (now - before) / before * 100;
        return (pct >= 0 ? "+" : "") + decimal(pct, 1) + " %";
    }

    /** "10/2026". */
    static String month(YearMonth m) {
        return String.format("%02d/%d", m.getMonthValue(), m.getYear());
    }

    private static DecimalFormatSymbols symbols() {
        DecimalFormatSymbols s = new DecimalFormatSymbols();
        s.setDecimalSeparator(',');
        s.setGroupingSeparator('.');
        s.setMinusSign('-');
        return s;
    }
}
