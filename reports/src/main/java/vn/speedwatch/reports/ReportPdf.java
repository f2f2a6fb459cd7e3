package vn.speedwatch.reports;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.PageSize;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfString;
import com.lowagie.text.pdf.PdfWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes one operator's monthly letter as an A4 PDF with the margins of Decree 30/2020/NĐ-CP (left
 * 30 mm, right 15 mm, top and bottom 20 mm).
 */
final class ReportPdf {

    private static final float MM = 72f / 25.4f;

    private ReportPdf() {}

    static void write(ReportContent c, Path file) throws IOException {
        Document doc = new Document(PageSize.A4, 30 * MM, 15 * MM, 20 * MM, 20 * MM);
        try (OutputStream out = Files.newOutputStream(file)) {
            PdfWriter writer = PdfWriter.getInstance(doc, out);
            writer.setPageEvent(new PageNumbers());
            // Keep the map and chart where they belong instead of letting later text jump ahead.
            writer.setStrictImageSequence(true);
            doc.addTitle(LetterHead.subject(c) + " – " + c.operator().displayName());
            doc.addAuthor(LetterHead.OFFICE + ", " + LetterHead.OFFICE_PARENT);
            writer.getExtraCatalog().put(PdfName.LANG, new PdfString("vi-VN"));
            doc.open();
            body(doc, writer, c);
            doc.close();
        } catch (DocumentException e) {
            throw new IOException("cannot lay out the report PDF " + file, e);
        }
    }

    private static void body(Document doc, PdfWriter writer, ReportContent c)
            throws DocumentException {
        LetterHead.write(doc, c);
        if (c.hasData()) {
            SummarySection.write(doc, c);
            TdpSection.write(doc, writer, c);
            FollowUpSection.write(doc, c, 6);
            ClosingSection.methodology(doc, c, 8);
        } else {
            doc.add(
                    PdfBlocks.body(
                            "Không có số liệu đo trong tháng "
                                    + VnFormat.month(c.month())
                                    + " đối với mạng "
                                    + c.operator().displayName()
                                    + " trên địa bàn phường "
                                    + "(no measurements this month). Phòng Văn hóa – Xã hội sẽ tiếp tục theo dõi "
                                    + "trong các tháng tiếp theo."));
            FollowUpSection.write(doc, c, 1);
            ClosingSection.methodology(doc, c, 3);
        }
        ClosingSection.request(doc, c);
    }
}
