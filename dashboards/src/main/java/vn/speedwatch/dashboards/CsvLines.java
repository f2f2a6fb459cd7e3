package vn.speedwatch.dashboards;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits one CSV line into fields: comma-separated, fields optionally in double quotes (a quote
 * inside a quoted field is doubled), as spreadsheets export them. Multi-line fields are not
 * supported: the reference CSV has none.
 */
final class CsvLines {

    private CsvLines() {}

    /** The fields of {@code line}, trimmed; throws with a reason when a quote is unbalanced. */
    static List<String> split(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString().trim());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            throw new IllegalArgumentException("dấu ngoặc kép chưa đóng / unclosed double quote");
        }
        fields.add(field.toString().trim());
        return fields;
    }
}
