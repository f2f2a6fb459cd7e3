package vn.speedwatch.reports;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The per-TDP table as CSV (RFC 4180, comma-separated, '.' decimals), UTF-8 with a byte-order mark
 * so Excel shows the Vietnamese headers and names correctly. Cells below the minimum sample count
 * keep their test count but no values.
 */
final class ReportCsv {

    static final char BOM = '\uFEFF';
    static final List<String> HEADER =
            List.of(
                    "Mã TDP (tdp_code)",
                    "Tên TDP (tdp_name)",
                    "Loại truy cập (access_type)",
                    "Số lượt đo (tests)",
                    "Thiết bị-ngày (device_days)",
                    "Tải xuống trung vị Mbps (download_median)",
                    "Tải xuống P10 Mbps (download_p10)",
                    "Tải xuống trung bình Mbps (download_mean)",
                    "Tải lên trung vị Mbps (upload_median)",
                    "Độ trễ trung vị ms (latency_median)",
                    "Tỉ lệ dưới ngưỡng QCVN (share_below)",
                    "Đánh giá (status)");

    private ReportCsv() {}

    static void write(ReportContent content, Path file) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write(BOM);
            w.write(row(HEADER));
            for (TdpLine line : content.lines()) {
                w.write(row(values(line)));
            }
        }
    }

    private static List<String> values(TdpLine line) {
        CellStats s = line.stats();
        CellStatus status = CellStatus.of(line);
        List<String> head =
                List.of(
                        line.key().tdpCode(),
                        line.tdpName(),
                        line.key().accessType().name(),
                        Long.toString(s.samples()),
                        Long.toString(s.deviceDays()));
        List<String> numbers =
                line.enoughSamples()
                        ? List.of(
                                number(s.downloadMedian()),
                                number(s.downloadP10()),
                                number(s.downloadMean()),
                                number(s.uploadMedian()),
                                number(s.latencyMedian()),
                                number(s.shareBelow()))
                        : List.of("", "", "", "", "", "");
        return Stream.of(head, numbers, List.of(status.vi)).flatMap(List::stream).toList();
    }

    private static String number(Double d) {
        return d == null ? "" : String.format(Locale.ROOT, "%.3f", d);
    }

    private static String row(List<String> cells) {
        return cells.stream().map(ReportCsv::quote).collect(Collectors.joining(",")) + "\r\n";
    }

    private static String quote(String cell) {
        if (cell.contains(",") || cell.contains("\"") || cell.contains("\n")) {
            return '"' + cell.replace("\"", "\"\"") + '"';
        }
        return cell;
    }
}
