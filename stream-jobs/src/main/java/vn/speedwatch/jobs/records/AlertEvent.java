package vn.speedwatch.jobs.records;

import java.time.Instant;
import java.util.Locale;
import vn.speedwatch.model.AccessType;
import vn.speedwatch.model.Operator;

/**
 * A quality alert opening or closing for one TDP × operator × access type, as the alert stage emits
 * it; {@code AlertWriter} turns it into a row of {@code alerts} and the webhook into a notice.
 *
 * <p>A Flink POJO: public no-argument constructor and public fields. The numbers are those of the
 * evaluation that decided: the 24-hour median download, the trailing 28-day baseline median, the
 * 24-hour share below the QCVN threshold and the 24-hour sample count.
 */
public class AlertEvent {

    private static final Locale VI = Locale.forLanguageTag("vi-VN");
    private static final Locale EN = Locale.ENGLISH;

    /** Whether the alert starts or ends. */
    public enum Action {
        OPEN,
        CLOSE
    }

    /** What went wrong; the names are the values of {@code alerts.kind}. */
    public enum Kind {
        MEDIAN_DROP,
        BELOW_QCVN
    }

    public Action action;
    public Kind kind;
    public String tdpCode;

    /** {@code Operator} code. */
    public String operator;

    /** {@code AccessType} name. */
    public String accessType;

    /** End of the evaluated 24-hour window: when the alert opened or closed. */
    public long atMillis;

    public long sampleCount;
    public Double median24h;
    public Double baselineMedian;
    public Double belowQcvnShare;

    public AlertEvent() {}

    /** An event without numbers; the caller fills those it has. */
    public static AlertEvent of(
            Action action,
            Kind kind,
            String tdpCode,
            String operator,
            String accessType,
            long atMillis) {
        AlertEvent e = new AlertEvent();
        e.action = action;
        e.kind = kind;
        e.tdpCode = tdpCode;
        e.operator = operator;
        e.accessType = accessType;
        e.atMillis = atMillis;
        return e;
    }

    public Instant at() {
        return Instant.ofEpochMilli(atMillis);
    }

    /** One sentence for residents and officials, in Vietnamese. */
    public String summaryVi() {
        String who = operatorName() + " (" + accessLabel(true) + ") tại " + tdpCode;
        if (action == Action.CLOSE) {
            String what =
                    kind == Kind.MEDIAN_DROP ? "Tốc độ tải xuống" : "Tỷ lệ đo dưới ngưỡng QCVN";
            return sampleCount == 0
                    ? "Đã đóng cảnh báo: không còn số liệu đo của " + who + " trong nhiều tuần."
                    : "Đã đóng cảnh báo: " + what + " của " + who + " đã trở lại bình thường.";
        }
        if (kind == Kind.MEDIAN_DROP) {
            return "Cảnh báo chất lượng: tốc độ tải xuống trung vị 24 giờ của "
                    + who
                    + " là "
                    + number(median24h, VI)
                    + " Mbps, thấp hơn "
                    + dropPercent(VI)
                    + " % so với mức nền 28 ngày ("
                    + number(baselineMedian, VI)
                    + " Mbps).";
        }
        return "Cảnh báo chất lượng: "
                + percent(belowQcvnShare, VI)
                + " % số lần đo của "
                + who
                + " trong 24 giờ qua dưới ngưỡng QCVN ("
                + sampleCount
                + " lần đo).";
    }

    /** The same sentence in English. */
    public String summaryEn() {
        String who = operatorName() + " (" + accessLabel(false) + ") in " + tdpCode;
        if (action == Action.CLOSE) {
            String what = kind == Kind.MEDIAN_DROP ? "download speed" : "share below QCVN";
            return sampleCount == 0
                    ? "Alert closed: no measurements of " + who + " for weeks."
                    : "Alert closed: the " + what + " of " + who + " is back to normal.";
        }
        if (kind == Kind.MEDIAN_DROP) {
            return "Quality alert: the 24-hour median download of "
                    + who
                    + " is "
                    + number(median24h, EN)
                    + " Mbps, "
                    + dropPercent(EN)
                    + "% below its 28-day baseline ("
                    + number(baselineMedian, EN)
                    + " Mbps).";
        }
        return "Quality alert: "
                + percent(belowQcvnShare, EN)
                + "% of the measurements of "
                + who
                + " over the last 24 hours were below the QCVN threshold ("
                + sampleCount
                + " measurements).";
    }

    private String operatorName() {
        try {
            return Operator.valueOf(operator).displayName();
        } catch (IllegalArgumentException | NullPointerException e) {
            return String.valueOf(operator);
        }
    }

    private String accessLabel(boolean vietnamese) {
        try {
            AccessType type = AccessType.valueOf(accessType);
            return vietnamese ? type.labelVi() : type.labelEn();
        } catch (IllegalArgumentException | NullPointerException e) {
            return String.valueOf(accessType);
        }
    }

    private String dropPercent(Locale locale) {
        if (median24h == null || baselineMedian == null || baselineMedian == 0) {
            return "?";
        }
        return String.format(locale, "%.0f", 100 * (1 - median24h / baselineMedian));
    }

    private static String number(Double value, Locale locale) {
        return value == null ? "?" : String.format(locale, "%.1f", value);
    }

    private static String percent(Double share, Locale locale) {
        return share == null ? "?" : String.format(locale, "%.0f", 100 * share);
    }

    @Override
    public String toString() {
        return "AlertEvent{"
                + action
                + " "
                + kind
                + " "
                + tdpCode
                + " "
                + operator
                + " "
                + accessType
                + " at="
                + at()
                + " samples="
                + sampleCount
                + " median24h="
                + median24h
                + " baseline="
                + baselineMedian
                + " belowQcvn="
                + belowQcvnShare
                + "}";
    }
}
