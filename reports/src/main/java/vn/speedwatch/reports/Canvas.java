package vn.speedwatch.reports;

import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfTemplate;
import java.awt.Color;

/** Drawing helpers over an OpenPDF template: text, filled boxes and lines in one call each. */
final class Canvas {

    private final PdfTemplate t;

    Canvas(PdfTemplate template) {
        this.t = template;
    }

    PdfTemplate template() {
        return t;
    }

    void text(String s, float x, float y, float size, int align, BaseFont font, Color color) {
        t.beginText();
        t.setFontAndSize(font, size);
        t.setColorFill(color);
        t.showTextAligned(align, s, x, y, 0);
        t.endText();
    }

    void text(String s, float x, float y, float size, int align) {
        text(s, x, y, size, align, PdfFonts.REGULAR, Color.BLACK);
    }

    void box(float x, float y, float w, float h, Color fill, Color stroke) {
        t.setColorFill(fill);
        t.setColorStroke(stroke);
        t.setLineWidth(0.5f);
        t.rectangle(x, y, w, h);
        t.fillStroke();
    }

    void line(float x1, float y1, float x2, float y2, Color color, float width) {
        t.setColorStroke(color);
        t.setLineWidth(width);
        t.moveTo(x1, y1);
        t.lineTo(x2, y2);
        t.stroke();
    }

    void dot(float x, float y, float r, Color color) {
        t.setColorFill(color);
        t.circle(x, y, r);
        t.fill();
    }

    static int left() {
        return PdfContentByte.ALIGN_LEFT;
    }

    static int center() {
        return PdfContentByte.ALIGN_CENTER;
    }

    static int right() {
        return PdfContentByte.ALIGN_RIGHT;
    }
}
