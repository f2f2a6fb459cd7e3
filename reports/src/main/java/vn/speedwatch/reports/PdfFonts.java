package vn.speedwatch.reports;

import com.lowagie.text.Font;
import com.lowagie.text.pdf.BaseFont;
import java.io.IOException;
import java.io.InputStream;

/**
 * Liberation Serif (metric-compatible with Times New Roman, which Decree 30/2020/NĐ-CP asks for)
 * from the {@code openpdf-fonts-extra} jar, embedded with Identity-H so every Vietnamese glyph
 * prints the same on any machine.
 */
final class PdfFonts {

    static final BaseFont REGULAR = load("LiberationSerif-Regular.ttf");
    static final BaseFont BOLD = load("LiberationSerif-Bold.ttf");
    static final BaseFont ITALIC = load("LiberationSerif-Italic.ttf");
    static final BaseFont BOLD_ITALIC = load("LiberationSerif-BoldItalic.ttf");

    private PdfFonts() {}

    static Font regular(float size) {
        return new Font(REGULAR, size);
    }

    static Font bold(float size) {
        return new Font(BOLD, size);
    }

    static Font italic(float size) {
        return new Font(ITALIC, size);
    }

    static Font boldItalic(float size) {
        return new Font(BOLD_ITALIC, size);
    }

    private static BaseFont load(String file) {
        String resource = "/liberation/" + file;
        try (InputStream in = PdfFonts.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(
                        "font " + resource + " missing: is openpdf-fonts-extra on the classpath?");
            }
            return BaseFont.createFont(
                    file, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, true, in.readAllBytes(), null);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read font " + resource, e);
        }
    }
}
