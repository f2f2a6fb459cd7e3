package vn.speedwatch.reports;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;

/** Reads a report PDF back with PDFBox: its text, and its pages as PNGs for a person to look at. */
final class PdfPages {

    static final Path PAGES = Path.of("target", "report-pages");

    private PdfPages() {}

    /**
     * The text of every page in content order, NFC-normalised so Vietnamese compares by character,
     * with line breaks and runs of spaces folded to one space (phrases wrap in table cells).
     */
    static String text(Path pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            PDFTextStripper stripper = new PDFTextStripper();
            String text = Normalizer.normalize(stripper.getText(doc), Normalizer.Form.NFC);
            return text.replaceAll("\\s+", " ");
        }
    }

    static int render(Path pdf) throws IOException {
        Files.createDirectories(PAGES);
        String base = pdf.getFileName().toString().replace(".pdf", "");
        try (var old = Files.newDirectoryStream(PAGES, base + "-p*.png")) {
            for (Path page : old) {
                Files.delete(page);
            }
        }
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            PDFRenderer renderer = new PDFRenderer(doc);
            for (int i = 0; i < doc.getNumberOfPages(); i++) {
                BufferedImage image = renderer.renderImageWithDPI(i, 90);
                ImageIO.write(image, "png", PAGES.resolve(base + "-p" + (i + 1) + ".png").toFile());
            }
            return doc.getNumberOfPages();
        }
    }
}
