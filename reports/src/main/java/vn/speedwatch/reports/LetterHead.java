package vn.speedwatch.reports;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.draw.LineSeparator;
import java.awt.Color;
import java.time.LocalDate;

/**
 * The head of an administrative letter (Decree 30/2020/NĐ-CP): issuing office and number on the
 * left, national motto and place/date on the right, then subject and addressee.
 */
final class LetterHead {

    static final String OFFICE_PARENT = "UBND PHƯỜNG THỦY NGUYÊN";
    static final String OFFICE = "PHÒNG VĂN HÓA – XÃ HỘI";
    static final String NATION = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
    static final String MOTTO = "Độc lập – Tự do – Hạnh phúc";
    static final String NUMBER = "Số: ……/VHXH";

    private LetterHead() {}

    static void write(Document doc, ReportContent content) throws DocumentException {
        PdfPTable head = new PdfPTable(new float[] {42, 58});
        head.setWidthPercentage(100);
        head.addCell(left(content));
        head.addCell(right(content.issuedOn()));
        doc.add(head);
        Paragraph to =
                PdfBlocks.centered(
                        "Kính gửi: " + OperatorNames.fullName(content.operator()),
                        PdfFonts.regular(14f));
        to.setSpacingBefore(14f);
        to.setSpacingAfter(10f);
        doc.add(to);
    }

    /** "Thủy Nguyên, ngày 05 tháng 11 năm 2026": day below 10 and months 1–2 get a zero. */
    static String placeAndDate(LocalDate d) {
        int m = d.getMonthValue();
        return String.format(
                "Thủy Nguyên, ngày %02d tháng %s năm %d",
                d.getDayOfMonth(),
                m <= 2 ? String.format("%02d", m) : Integer.toString(m),
                d.getYear());
    }

    static String subject(ReportContent content) {
        return "V/v đề nghị cải thiện chất lượng dịch vụ Internet tháng "
                + VnFormat.month(content.month());
    }

    private static PdfPCell left(ReportContent content) {
        return PdfBlocks.plain(
                PdfBlocks.centered(OFFICE_PARENT, PdfFonts.regular(12f)),
                PdfBlocks.centered(OFFICE, PdfFonts.bold(12f)),
                rule(35f),
                PdfBlocks.centered(NUMBER, PdfFonts.regular(13f)),
                PdfBlocks.centered(subject(content), PdfFonts.regular(11f)));
    }

    private static PdfPCell right(LocalDate issuedOn) {
        return PdfBlocks.plain(
                PdfBlocks.centered(NATION, PdfFonts.bold(12f)),
                PdfBlocks.centered(MOTTO, PdfFonts.bold(13f)),
                rule(50f),
                PdfBlocks.centered(placeAndDate(issuedOn), PdfFonts.italic(13f)));
    }

    /** A short centred rule under the office and the motto, as Decree 30 draws them. */
    private static Paragraph rule(float percent) {
        Paragraph p =
                new Paragraph(
                        new Chunk(
                                new LineSeparator(
                                        0.7f, percent, Color.BLACK, Element.ALIGN_CENTER, 0f)));
        p.setLeading(7f);
        p.setSpacingAfter(8f);
        return p;
    }
}
