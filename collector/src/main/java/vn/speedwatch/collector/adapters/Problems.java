package vn.speedwatch.collector.adapters;

import java.util.ArrayList;
import java.util.List;
import vn.speedwatch.model.Violation;

/**
 * Collects every problem found while mapping one document, so the resident sees them all at once,
 * and holds the wording shared by the adapters (Vietnamese first, then English).
 */
final class Problems {

    private final List<Violation> found = new ArrayList<>();

    void add(String pointer, String messageVi, String messageEn) {
        found.add(new Violation(pointer, messageVi, messageEn));
    }

    void missing(String pointer) {
        add(pointer, "Thiếu giá trị bắt buộc", "A required value is missing");
    }

    void notNumber(String pointer) {
        add(pointer, "Phải là một số", "Must be a number");
    }

    void notText(String pointer) {
        add(pointer, "Phải là một chuỗi ký tự", "Must be a string");
    }

    void notObject(String pointer) {
        add(pointer, "Phải là một đối tượng JSON", "Must be a JSON object");
    }

    void notBoolean(String pointer) {
        add(pointer, "Phải là true hoặc false", "Must be true or false");
    }

    void unreadableNumber(String pointer, String text, String... units) {
        String unit = units.length == 0 ? "" : " " + units[0];
        add(
                pointer,
                "Không đọc được số \""
                        + shorten(text)
                        + "\"; hãy viết dạng 85,3"
                        + unit
                        + " hoặc 85.3"
                        + unit
                        + ", chỉ một dấu thập phân",
                "Cannot read the number \""
                        + shorten(text)
                        + "\"; write it like 85,3"
                        + unit
                        + " or 85.3"
                        + unit
                        + ", with one decimal separator only");
    }

    void unreadableTime(String pointer, String text) {
        add(
                pointer,
                "Không đọc được thời gian \""
                        + shorten(text)
                        + "\"; hãy viết dạng 27/11/2026 08:30 hoặc ISO-8601",
                "Cannot read the time \""
                        + shorten(text)
                        + "\"; write it like 27/11/2026 08:30 or as ISO-8601");
    }

    void notPositive(String pointer) {
        add(pointer, "Phải lớn hơn 0", "Must be greater than 0");
    }

    boolean isEmpty() {
        return found.isEmpty();
    }

    /** Ends the mapping of a document that has problems. */
    void throwIfAny() {
        if (!found.isEmpty()) {
            throw new AdapterException(found);
        }
    }

    /** Echoes what was typed, but never a whole pasted document. */
    private static String shorten(String text) {
        String t = text.strip();
        return t.length() <= 40 ? t : t.substring(0, 40) + "…";
    }
}
