package vn.speedwatch.reports;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;

/** Methodology and caveats, the data fingerprint, the request itself, recipients and signature. */
final class ClosingSection {

    private ClosingSection() {}

    static void methodology(Document doc, ReportContent c, int number) throws DocumentException {
        doc.add(PdfBlocks.heading(number + ". Phương pháp và lưu ý"));
        doc.add(
                PdfBlocks.body(
                        "Số liệu do người dân tự nguyện đo và gửi (crowdsourced) cùng các "
                                + "điểm đo tự động; kết quả mang tính tham khảo, phản ánh trải nghiệm thực tế của "
                                + "người dùng, không thay thế phép đo theo quy trình của QCVN."));
        doc.add(
                PdfBlocks.body(
                        "Mỗi ô (tổ dân phố × loại truy cập) cần tối thiểu "
                                + c.config().minSamples()
                                + " lượt đo trong tháng; ô ít hơn được ghi \"chưa đủ "
                                + "mẫu\" và không nêu số liệu. Trung vị và P10 tính từ phác thảo DDSketch gộp theo "
                                + "ngày (sai số tương đối không quá 1 %); số lượt đo và giá trị trung bình là "
                                + "chính xác. Số lượt thiết bị-ngày cộng số thiết bị khác nhau của từng ngày."));
        doc.add(
                PdfBlocks.body(
                        "Dấu vân tay dữ liệu (SHA-256 của "
                                + c.figures().rowCount()
                                + " dòng tổng hợp theo ngày, sắp theo mã TDP, loại truy cập, ngày): "));
        Paragraph hash = new Paragraph(c.figures().fingerprint(), PdfFonts.regular(9.5f));
        hash.setIndentationLeft(28f);
        doc.add(hash);
        doc.add(
                PdfBlocks.body(
                        "Doanh nghiệp có thể đề nghị Phòng cung cấp bộ số liệu gốc tương "
                                + "ứng với dấu vân tay này để kiểm tra."));
    }

    static void request(Document doc, ReportContent c) throws DocumentException {
        String name = c.operator().displayName();
        String text;
        if (!c.hasData()) {
            text =
                    "Phòng Văn hóa – Xã hội đề nghị "
                            + name
                            + " phối hợp thông tin tới khách hàng "
                            + "trên địa bàn phường về công cụ đo tốc độ để có số liệu đánh giá.";
        } else if (c.flagged().isEmpty()) {
            text =
                    "Phòng Văn hóa – Xã hội đề nghị "
                            + name
                            + " tiếp tục duy trì chất lượng dịch "
                            + "vụ trên địa bàn phường.";
        } else {
            text =
                    "Phòng Văn hóa – Xã hội đề nghị "
                            + name
                            + " kiểm tra, có biện pháp cải thiện "
                            + "chất lượng dịch vụ Internet tại các tổ dân phố nêu trên và phản hồi kết "
                            + "quả về Phòng trước ngày 15 của tháng tiếp theo.";
        }
        doc.add(signature(text + "/."));
    }

    /** Request, recipients and signature on one page, so the signature never stands alone. */
    private static PdfPTable signature(String request) {
        PdfPTable t = new PdfPTable(new float[] {50, 50});
        t.setWidthPercentage(100);
        t.setSpacingBefore(8f);
        t.setKeepTogether(true);
        PdfPCell first = PdfBlocks.plain(PdfBlocks.body(request));
        first.setColspan(2);
        first.setPaddingBottom(10f);
        t.addCell(first);
        Paragraph left = new Paragraph("Nơi nhận:", PdfFonts.boldItalic(12f));
        for (String line :
                new String[] {
                    "- Như trên;", "- Chủ tịch UBND phường (để b/c);", "- Lưu: VT, VHXH."
                }) {
            left.add(Chunk.NEWLINE);
            left.add(new Chunk(line, PdfFonts.regular(11f)));
        }
        Paragraph right = PdfBlocks.centered("TRƯỞNG PHÒNG", PdfFonts.bold(13f));
        right.add(Chunk.NEWLINE);
        right.add(new Chunk("(Ký, ghi rõ họ tên)", PdfFonts.italic(11f)));
        t.addCell(PdfBlocks.plain(left));
        t.addCell(PdfBlocks.plain(right));
        return t;
    }
}
