package vn.speedwatch.reports;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import vn.speedwatch.model.AccessType;

/** Sections 6–7: what became of last month's requests, and the month's alerts. */
final class FollowUpSection {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

    private FollowUpSection() {}

    /** Writes the two sections numbered {@code number} and {@code number + 1}. */
    static void write(Document doc, ReportContent c, int number) throws DocumentException {
        doc.add(PdfBlocks.heading(number + ". Theo dõi các kiến nghị tháng trước"));
        if (c.previousReport().isEmpty()) {
            doc.add(
                    PdfBlocks.body(
                            "Chưa có báo cáo tháng "
                                    + VnFormat.month(c.month().minusMonths(1))
                                    + " gửi "
                                    + c.operator().displayName()
                                    + " để đối chiếu."));
        } else if (c.followUp().isEmpty()) {
            doc.add(
                    PdfBlocks.body(
                            "Báo cáo tháng "
                                    + VnFormat.month(c.previousReport().get())
                                    + " không nêu tổ dân phố nào cần cải thiện."));
        } else {
            doc.add(followUp(c));
        }
        doc.add(PdfBlocks.heading((number + 1) + ". Cảnh báo trong tháng"));
        if (c.alerts().isEmpty()) {
            doc.add(PdfBlocks.body("Không có cảnh báo nào được mở hoặc đóng trong tháng."));
        } else {
            doc.add(alerts(c));
        }
    }

    private static PdfPTable followUp(ReportContent c) {
        String before = VnFormat.month(c.previousReport().get());
        String now = VnFormat.month(c.month());
        PdfPTable t =
                PdfBlocks.table(
                        new float[] {10, 16, 14, 14, 14, 14, 18},
                        List.of(
                                "Mã TDP",
                                "Loại truy cập",
                                "Trung vị " + before + " (Mbps)",
                                "Dưới ngưỡng " + before,
                                "Trung vị " + now + " (Mbps)",
                                "Dưới ngưỡng " + now,
                                "Kết quả"));
        for (FollowUpLine f : c.followUp()) {
            t.addCell(PdfBlocks.text(f.previous().tdpCode()));
            t.addCell(PdfBlocks.text(accessLabel(f.previous().accessType())));
            t.addCell(PdfBlocks.number(VnFormat.decimal(f.previous().downloadMedian(), 1)));
            t.addCell(PdfBlocks.number(VnFormat.percent(f.previous().shareBelow())));
            boolean known = f.status() != FollowUpLine.Status.INSUFFICIENT;
            t.addCell(
                    PdfBlocks.number(
                            known ? VnFormat.decimal(f.now().downloadMedian(), 1) : VnFormat.NONE));
            t.addCell(
                    PdfBlocks.number(
                            known ? VnFormat.percent(f.now().shareBelow()) : VnFormat.NONE));
            PdfPCell result =
                    PdfBlocks.cell(
                            f.status().vi, PdfFonts.bold(PdfBlocks.TABLE), Element.ALIGN_CENTER);
            if (f.status() == FollowUpLine.Status.NOT_IMPROVED) {
                result.setBackgroundColor(PdfBlocks.FLAG_FILL);
            }
            t.addCell(result);
        }
        return t;
    }

    private static PdfPTable alerts(ReportContent c) {
        ZoneId zone = c.config().zone();
        PdfPTable t =
                PdfBlocks.table(
                        new float[] {10, 16, 26, 16, 16, 16},
                        List.of(
                                "Mã TDP",
                                "Loại truy cập",
                                "Loại cảnh báo",
                                "Mở lúc",
                                "Đóng lúc",
                                "Trạng thái"));
        for (AlertLine a : c.alerts()) {
            t.addCell(PdfBlocks.text(a.tdpCode()));
            t.addCell(PdfBlocks.text(accessLabel(a.accessType())));
            t.addCell(PdfBlocks.text(kind(a.kind())));
            t.addCell(PdfBlocks.text(when(a.openedAt(), zone)));
            t.addCell(PdfBlocks.text(when(a.closedAt(), zone)));
            t.addCell(PdfBlocks.text(status(a.status())));
        }
        return t;
    }

    private static String when(Instant at, ZoneId zone) {
        return at == null ? VnFormat.NONE : WHEN.format(at.atZone(zone));
    }

    private static String kind(String kind) {
        return switch (kind) {
            case "MEDIAN_DROP" -> "Tốc độ trung vị giảm mạnh";
            case "BELOW_QCVN" -> "Dưới ngưỡng QCVN";
            default -> kind;
        };
    }

    private static String status(String status) {
        return switch (status) {
            case "OPEN" -> "Đang mở";
            case "ACKNOWLEDGED" -> "Đã tiếp nhận";
            case "CLOSED" -> "Đã đóng";
            default -> status;
        };
    }

    static String accessLabel(String accessType) {
        try {
            return AccessType.valueOf(accessType).labelVi();
        } catch (IllegalArgumentException | NullPointerException e) {
            return String.valueOf(accessType);
        }
    }
}
