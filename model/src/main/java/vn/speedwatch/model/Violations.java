package vn.speedwatch.model;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The wording of every violation, in one place so the two languages stay in step. */
final class Violations {

    static final String EXAMPLE_TIME = "2026-11-27T08:30:00+07:00";

    private Violations() {}

    static Violation notAnObject() {
        return new Violation(
                "",
                "Nội dung gửi lên phải là một đối tượng JSON",
                "The body must be a JSON object");
    }

    static Violation malformedJson(String detail) {
        return new Violation(
                "",
                "Nội dung gửi lên không phải JSON hợp lệ: " + detail,
                "The body is not valid JSON: " + detail);
    }

    static Violation missing(MeasurementField f) {
        return of(
                f,
                "Thiếu trường bắt buộc: " + f.labelVi() + " (" + f.jsonName() + ")",
                "Missing required field: " + f.jsonName() + " (" + f.labelEn() + ")");
    }

    static Violation wrongType(MeasurementField f) {
        String[] expected =
                switch (f.kind()) {
                    case NUMBER -> new String[] {"một số", "a number"};
                    case INTEGER -> new String[] {"một số nguyên", "an integer"};
                    case BOOLEAN -> new String[] {"true hoặc false", "true or false"};
                    default -> new String[] {"một chuỗi ký tự", "a string"};
                };
        return of(
                f,
                f.labelVi() + " phải là " + expected[0],
                f.labelEn() + " must be " + expected[1]);
    }

    static Violation notFinite(MeasurementField f) {
        return of(
                f,
                f.labelVi() + " phải là một số hữu hạn (không được là NaN hay vô cực)",
                f.labelEn() + " must be a finite number (not NaN or infinity)");
    }

    static Violation outOfRange(MeasurementField f) {
        String min = number(f.minimum());
        if (f.maximum() == null) {
            return of(
                    f,
                    f.labelVi() + " phải lớn hơn hoặc bằng " + min + " " + f.unitVi(),
                    f.labelEn() + " must be at least " + min + " " + f.unitEn());
        }
        String max = number(f.maximum());
        return of(
                f,
                f.labelVi() + " phải từ " + min + " đến " + max + " " + f.unitVi(),
                f.labelEn() + " must be between " + min + " and " + max + " " + f.unitEn());
    }

    static Violation notUuid(MeasurementField f) {
        return of(
                f,
                f.labelVi() + " phải là một UUID, ví dụ 0f8fad5b-d9cb-469f-a165-70867728950e",
                f.labelEn() + " must be a UUID, e.g. 0f8fad5b-d9cb-469f-a165-70867728950e");
    }

    static Violation notTimestamp(MeasurementField f) {
        return of(
                f,
                f.labelVi() + " phải theo ISO-8601 và có múi giờ, ví dụ " + EXAMPLE_TIME,
                f.labelEn() + " must be ISO-8601 with an offset, e.g. " + EXAMPLE_TIME);
    }

    static Violation unknownValue(MeasurementField f, String[] allowed) {
        String list = Arrays.stream(allowed).collect(Collectors.joining(", "));
        return of(
                f,
                f.labelVi() + " không hợp lệ; giá trị cho phép: " + list,
                f.labelEn() + " is not valid; allowed values: " + list);
    }

    static Violation tooLong(MeasurementField f) {
        return of(
                f,
                f.labelVi() + " dài tối đa " + f.maxLength() + " ký tự",
                f.labelEn() + " must be at most " + f.maxLength() + " characters long");
    }

    static Violation blank(MeasurementField f) {
        return of(f, f.labelVi() + " không được để trống", f.labelEn() + " must not be blank");
    }

    static Violation inFuture(Duration skew) {
        return of(
                MeasurementField.MEASURED_AT,
                "Thời điểm đo không được ở tương lai (cho phép lệch đồng hồ tối đa "
                        + durationVi(skew)
                        + ")",
                "Measurement time must not be in the future (clock skew of up to "
                        + durationEn(skew)
                        + " is allowed)");
    }

    static Violation tooOld(Duration horizon) {
        return of(
                MeasurementField.MEASURED_AT,
                "Thời điểm đo không được cũ hơn " + durationVi(horizon),
                "Measurement time must not be older than " + durationEn(horizon));
    }

    static Violation coordinateAlone(MeasurementField missing) {
        return of(
                missing,
                "Thiếu "
                        + missing.labelVi().toLowerCase(Locale.ROOT)
                        + ": cần gửi cả vĩ độ và kinh độ, hoặc không gửi cả hai",
                missing.labelEn() + " is missing: give both latitude and longitude, or neither");
    }

    static Violation consentRequired() {
        return of(
                MeasurementField.CONSENT,
                "Cần đồng ý chia sẻ vị trí (consent = true) khi gửi tọa độ",
                "consent must be true when coordinates are given");
    }

    static Violation badIpVersion() {
        return of(
                MeasurementField.IP_VERSION,
                "Phiên bản IP phải là 4 hoặc 6",
                "IP version must be 4 or 6");
    }

    private static Violation of(MeasurementField f, String vi, String en) {
        return new Violation(f.pointer(), vi, en);
    }

    /** Plain digits (100000, -90, 0.5): no grouping, so both languages read it the same. */
    static String number(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    static String durationVi(Duration d) {
        return amount(d, "ngày", "giờ", "phút", "giây");
    }

    static String durationEn(Duration d) {
        return amount(d, "days", "hours", "minutes", "seconds");
    }

    private static String amount(Duration d, String days, String hours, String min, String s) {
        long seconds = d.toSeconds();
        if (seconds != 0 && seconds % 86_400 == 0) {
            return seconds / 86_400 + " " + days;
        } else if (seconds != 0 && seconds % 3_600 == 0) {
            return seconds / 3_600 + " " + hours;
        } else if (seconds != 0 && seconds % 60 == 0) {
            return seconds / 60 + " " + min;
        }
        return seconds + " " + s;
    }
}
