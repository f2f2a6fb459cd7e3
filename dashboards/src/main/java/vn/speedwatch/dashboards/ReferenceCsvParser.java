package vn.speedwatch.dashboards;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the reference-median CSV officials type from the VNNIC portal. The header names the columns
 * (any order): {@code month, area, operator, access_type, download_median_mbps, upload_median_mbps,
 * latency_median_ms, samples}; the last two may be empty. All problems are collected with their
 * line numbers and reported together; nothing is returned if any exists.
 */
public final class ReferenceCsvParser {

    static final List<String> REQUIRED =
            List.of(
                    "month",
                    "area",
                    "operator",
                    "access_type",
                    "download_median_mbps",
                    "upload_median_mbps");
    static final List<String> OPTIONAL = List.of("latency_median_ms", "samples");

    private ReferenceCsvParser() {}

    /** Parses the whole file; throws with every line-numbered problem when any exists. */
    public static List<ReferenceMedian> parse(Reader reader)
            throws IOException, ReferenceCsvException {
        BufferedReader in = new BufferedReader(reader);
        List<String> errors = new ArrayList<>();
        Map<String, Integer> columns = readHeader(in.readLine(), errors);
        if (!errors.isEmpty()) {
            throw new ReferenceCsvException(errors);
        }
        List<ReferenceMedian> rows = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        int lineNo = 1;
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            lineNo++;
            if (line.isBlank()) {
                continue;
            }
            ReferenceRowReader row = new ReferenceRowReader(lineNo, columns, errors);
            ReferenceMedian m = row.read(line);
            if (m != null) {
                Integer first = seen.putIfAbsent(m.key(), lineNo);
                if (first != null) {
                    errors.add(
                            String.format(
                                    Locale.ROOT,
                                    "Dòng %d: trùng với dòng %d (cùng tháng,"
                                            + " khu vực, nhà mạng, loại truy cập) / Line %d: duplicates line %d",
                                    lineNo,
                                    first,
                                    lineNo,
                                    first));
                } else {
                    rows.add(m);
                }
            }
        }
        if (errors.isEmpty() && rows.isEmpty()) {
            errors.add("Tệp không có dòng dữ liệu nào / The file has no data rows");
        }
        if (!errors.isEmpty()) {
            throw new ReferenceCsvException(errors);
        }
        return rows;
    }

    private static Map<String, Integer> readHeader(String header, List<String> errors) {
        Map<String, Integer> columns = new HashMap<>();
        if (header == null || header.isBlank()) {
            errors.add("Dòng 1: thiếu dòng tiêu đề / Line 1: the header line is missing");
            return columns;
        }
        List<String> names = CsvLines.split(header.replace("\uFEFF", ""));
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i).toLowerCase(Locale.ROOT);
            if (!REQUIRED.contains(name) && !OPTIONAL.contains(name)) {
                errors.add(
                        "Dòng 1: cột không biết '"
                                + names.get(i)
                                + "' / Line 1: unknown column '"
                                + names.get(i)
                                + "'");
            } else if (columns.putIfAbsent(name, i) != null) {
                errors.add(
                        "Dòng 1: cột '"
                                + name
                                + "' lặp lại / Line 1: column '"
                                + name
                                + "' appears twice");
            }
        }
        for (String required : REQUIRED) {
            if (!columns.containsKey(required)) {
                errors.add(
                        "Dòng 1: thiếu cột '"
                                + required
                                + "' / Line 1: missing column '"
                                + required
                                + "'");
            }
        }
        return columns;
    }
}
