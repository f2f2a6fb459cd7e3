package vn.speedwatch.reports;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Image;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import java.util.List;

/** Sections 3–5: the per-TDP table, the worst TDPs with the map, and the trend chart. */
final class TdpSection {

    private TdpSection() {}

    static void write(Document doc, PdfWriter writer, ReportContent c) throws DocumentException {
        doc.add(PdfBlocks.heading("3. Kết quả theo tổ dân phố"));
        doc.add(table(c));
        doc.add(
                PdfBlocks.note(
                        "Ô có dưới "
                                + c.config().minSamples()
                                + " lượt đo được ghi \"chưa đủ mẫu\" và không nêu số liệu. P10: 10 % lượt đo "
                                + "có tốc độ thấp hơn giá trị này. Tỉ lệ dưới ngưỡng: phần lượt đo không đạt "
                                + "ngưỡng QCVN của loại truy cập."));
        doc.add(PdfBlocks.heading("4. Các tổ dân phố cần cải thiện"));
        worst(doc, c);
        float width = doc.right() - doc.left();
        Image map = TdpMap.image(writer.getDirectContent(), c, width, width * 0.62f);
        map.setAlignment(Element.ALIGN_CENTER);
        doc.add(map);
        Image chart = TrendChart.image(writer.getDirectContent(), c, width, 210f);
        doc.add(
                PdfBlocks.figure(
                        PdfBlocks.heading(
                                "5. Xu hướng tốc độ tải xuống trung vị ("
                                        + c.config().trendMonths()
                                        + " tháng gần nhất)"),
                        chart));
    }

    private static PdfPTable table(ReportContent c) {
        PdfPTable t =
                PdfBlocks.table(
                        new float[] {9, 21, 13, 9, 10, 9, 10, 10, 13},
                        List.of(
                                "Mã TDP",
                                "Tên TDP",
                                "Loại truy cập",
                                "Số lượt đo",
                                "Trung vị tải xuống (Mbps)",
                                "P10 tải xuống (Mbps)",
                                "Trung bình tải xuống (Mbps)",
                                "Tỉ lệ dưới ngưỡng",
                                "Đánh giá"));
        for (TdpLine line : c.lines()) {
            CellStats s = line.stats();
            t.addCell(PdfBlocks.text(line.key().tdpCode()));
            t.addCell(PdfBlocks.text(line.tdpName()));
            t.addCell(PdfBlocks.text(line.key().accessType().labelVi()));
            t.addCell(PdfBlocks.number(VnFormat.integer(s.samples())));
            if (!line.enoughSamples()) {
                t.addCell(SummarySection.insufficient(5));
                continue;
            }
            t.addCell(PdfBlocks.number(VnFormat.decimal(s.downloadMedian(), 1)));
            t.addCell(PdfBlocks.number(VnFormat.decimal(s.downloadP10(), 1)));
            t.addCell(PdfBlocks.number(VnFormat.decimal(s.downloadMean(), 1)));
            t.addCell(PdfBlocks.number(VnFormat.percent(s.shareBelow())));
            t.addCell(status(line));
        }
        return t;
    }

    private static PdfPCell status(TdpLine line) {
        CellStatus status = CellStatus.of(line);
        PdfPCell cell =
                PdfBlocks.cell(status.vi, PdfFonts.regular(PdfBlocks.TABLE), Element.ALIGN_CENTER);
        if (status == CellStatus.FLAGGED) {
            cell.setBackgroundColor(PdfBlocks.FLAG_FILL);
        }
        return cell;
    }

    private static void worst(Document doc, ReportContent c) throws DocumentException {
        if (c.worst().isEmpty()) {
            doc.add(
                    PdfBlocks.body(
                            "Trong tháng không có tổ dân phố nào đủ mẫu mà không đạt "
                                    + "ngưỡng QCVN."));
            return;
        }
        doc.add(PdfBlocks.body("Các tổ dân phố có chất lượng thấp nhất (tô đỏ trên bản đồ):"));
        int i = 1;
        for (TdpLine l : c.worst()) {
            doc.add(
                    PdfBlocks.body(
                            i++
                                    + ". "
                                    + l.key().tdpCode()
                                    + " – "
                                    + l.tdpName()
                                    + ", "
                                    + l.key().accessType().labelVi()
                                    + ": trung vị tải xuống "
                                    + VnFormat.decimal(l.stats().downloadMedian(), 1)
                                    + " Mbps, "
                                    + VnFormat.percent(l.stats().shareBelow())
                                    + " lượt đo dưới ngưỡng ("
                                    + VnFormat.integer(l.stats().samples())
                                    + " lượt đo)."));
        }
    }
}
