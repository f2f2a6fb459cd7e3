package vn.speedwatch.reports;

import com.lowagie.text.Document;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfWriter;

/** Prints the page number at the top centre from page 2 on, as Decree 30 asks. */
final class PageNumbers extends PdfPageEventHelper {

    @Override
    public void onEndPage(PdfWriter writer, Document doc) {
        int page = writer.getPageNumber();
        if (page < 2) {
            return;
        }
        PdfContentByte cb = writer.getDirectContent();
        cb.beginText();
        cb.setFontAndSize(PdfFonts.REGULAR, 11f);
        cb.showTextAligned(
                PdfContentByte.ALIGN_CENTER,
                Integer.toString(page),
                (doc.left() + doc.right()) / 2,
                doc.top() + 20f,
                0);
        cb.endText();
    }
}
