package vn.speedwatch.reports;

import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Image;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import java.awt.Color;
import java.util.List;

/** Small builders for the paragraphs and table cells of the letter, in its fonts and sizes. */
final class PdfBlocks {

    static final float BODY = 13f;
    static final float TABLE = 9f;
    static final Color HEADER_FILL = new Color(0xE4, 0xEA, 0xF2);
    static final Color FLAG_FILL = new Color(0xF8, 0xD7, 0xD3);
    static final Color MUTED_FILL = new Color(0xF0, 0xF0, 0xF0);

    private PdfBlocks() {}

    static Paragraph body(String text) {
        Paragraph p = new Paragraph(text, PdfFonts.regular(BODY));
        p.setAlignment(Element.ALIGN_JUSTIFIED);
        p.setFirstLineIndent(28f);
        p.setLeading(BODY * 1.3f);
        p.setSpacingAfter(4f);
        return p;
    }

    static Paragraph heading(String text) {
        Paragraph p = new Paragraph(text, PdfFonts.bold(BODY));
        p.setSpacingBefore(6f);
        p.setSpacingAfter(2f);
        p.setKeepTogether(true);
        return p;
    }

    static Paragraph note(String text) {
        Paragraph p = new Paragraph(text, PdfFonts.italic(10f));
        p.setLeading(12f);
        p.setSpacingAfter(4f);
        return p;
    }

    static Paragraph centered(String text, Font font) {
        Paragraph p = new Paragraph(text, font);
        p.setAlignment(Element.ALIGN_CENTER);
        p.setLeading(font.getSize() * 1.25f);
        return p;
    }

    /** A full-width table with a shaded header row that repeats on each page. */
    static PdfPTable table(float[] widths, List<String> header) {
        PdfPTable t = new PdfPTable(widths);
        t.setWidthPercentage(100);
        t.setSpacingBefore(4f);
        t.setSpacingAfter(6f);
        t.setHeaderRows(1);
        for (String h : header) {
            PdfPCell c = cell(h, PdfFonts.bold(TABLE), Element.ALIGN_CENTER);
            c.setBackgroundColor(HEADER_FILL);
            t.addCell(c);
        }
        return t;
    }

    static PdfPCell text(String s) {
        return cell(s, PdfFonts.regular(TABLE), Element.ALIGN_LEFT);
    }

    static PdfPCell number(String s) {
        return cell(s, PdfFonts.regular(TABLE), Element.ALIGN_RIGHT);
    }

    static PdfPCell cell(String s, Font font, int align) {
        PdfPCell c = new PdfPCell(new Phrase(s, font));
        c.setHorizontalAlignment(align);
        c.setVerticalAlignment(Element.ALIGN_MIDDLE);
        c.setPadding(3f);
        c.setBorderWidth(0.5f);
        return c;
    }

    /** A heading and a picture kept on one page, so a heading never ends a page alone. */
    static PdfPTable figure(Paragraph heading, Image picture) {
        PdfPTable t = new PdfPTable(1);
        t.setWidthPercentage(100);
        t.setKeepTogether(true);
        t.addCell(plain(heading));
        PdfPCell image = new PdfPCell(picture, false);
        image.setBorder(Rectangle.NO_BORDER);
        image.setHorizontalAlignment(Element.ALIGN_CENTER);
        t.addCell(image);
        return t;
    }

    /** A cell without borders, for the letter head and signature. */
    static PdfPCell plain(Element... content) {
        PdfPCell c = new PdfPCell();
        for (Element e : content) {
            c.addElement(e);
        }
        c.setBorder(Rectangle.NO_BORDER);
        c.setPadding(0f);
        return c;
    }
}
