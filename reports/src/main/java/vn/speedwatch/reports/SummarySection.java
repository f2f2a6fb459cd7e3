package vn.speedwatch.reports;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import java.util.List;
import java.util.Map;
import vn.speedwatch.model.AccessType;

/** Section 1 and 2 of the letter: headline numbers per access type and the QCVN verdicts. */
final class SummarySection {

    private SummarySection() {}

    static void write(Document doc, ReportContent c) throws DocumentException {
        ReportSummary s = c.summary();
        doc.add(
                PdfBlocks.body(
                        "Thực hiện nhiệm vụ theo dõi chất lượng dịch vụ Internet trên địa bàn phường, "
                                + "Phòng Văn hóa – Xã hội đã tổng hợp kết quả đo tốc độ do người dân và "
                                + "các điểm đo gửi về trong tháng "
                                + VnFormat.month(c.month())
                                + ". "
                                + "Đối với mạng "
                                + c.operator().displayName()
                                + ", hệ thống ghi nhận "
                                + VnFormat.integer(s.samples())
                                + " lượt đo ("
                                + VnFormat.integer(s.deviceDays())
                                + " lượt thiết bị-ngày) tại "
                                + s.tdpCount()
                                + " tổ dân phố. Kết quả chính như sau:"));
        doc.add(PdfBlocks.heading("1. Số liệu tổng hợp theo loại truy cập"));
        doc.add(totals(c));
        doc.add(PdfBlocks.heading("2. Đối chiếu quy chuẩn kỹ thuật quốc gia (QCVN)"));
        doc.add(compliance(c));
    }

    private static PdfPTable totals(ReportContent c) {
        PdfPTable t =
                PdfBlocks.table(
                        new float[] {20, 13, 15, 15, 15, 22},
                        List.of(
                                "Loại truy cập",
                                "Số lượt đo",
                                "Tải xuống trung vị (Mbps)",
                                "Tải lên trung vị (Mbps)",
                                "Độ trễ trung vị (ms)",
                                "Tải xuống so với tháng "
                                        + VnFormat.month(c.month().minusMonths(1))));
        Map<AccessType, CellStats> before = c.figures().previousTotals();
        c.figures()
                .totals()
                .forEach(
                        (access, s) -> {
                            t.addCell(PdfBlocks.text(access.labelVi()));
                            t.addCell(PdfBlocks.number(VnFormat.integer(s.samples())));
                            if (s.samples() < c.config().minSamples()) {
                                t.addCell(insufficient(4));
                                return;
                            }
                            t.addCell(PdfBlocks.number(VnFormat.decimal(s.downloadMedian(), 1)));
                            t.addCell(PdfBlocks.number(VnFormat.decimal(s.uploadMedian(), 1)));
                            t.addCell(PdfBlocks.number(VnFormat.decimal(s.latencyMedian(), 0)));
                            CellStats prev = before.get(access);
                            Double prevMedian =
                                    prev == null || prev.samples() < c.config().minSamples()
                                            ? null
                                            : prev.downloadMedian();
                            t.addCell(
                                    PdfBlocks.number(
                                            VnFormat.change(s.downloadMedian(), prevMedian)));
                        });
        return t;
    }

    private static PdfPTable compliance(ReportContent c) {
        PdfPTable t =
                PdfBlocks.table(
                        new float[] {18, 34, 16, 16, 16},
                        List.of("Loại truy cập", "Chỉ tiêu", "Yêu cầu", "Đo được", "Đánh giá"));
        c.compliance()
                .forEach(
                        (access, verdict) -> {
                            if (verdict.criteria().isEmpty()) {
                                t.addCell(PdfBlocks.text(access.labelVi()));
                                String why =
                                        c.figures().totals().get(access).samples()
                                                        < c.config().minSamples()
                                                ? "chưa đủ mẫu"
                                                : "Không có chỉ tiêu QCVN áp dụng";
                                PdfPCell cell = PdfBlocks.text(why);
                                cell.setColspan(4);
                                t.addCell(cell);
                                return;
                            }
                            for (QcvnVerdict.Criterion k : verdict.criteria()) {
                                t.addCell(PdfBlocks.text(access.labelVi()));
                                t.addCell(PdfBlocks.text(k.nameVi()));
                                t.addCell(PdfBlocks.number(k.required()));
                                t.addCell(PdfBlocks.number(k.measured()));
                                t.addCell(verdictCell(k.met()));
                            }
                        });
        return t;
    }

    static PdfPCell verdictCell(Boolean met) {
        String text = met == null ? "Không đánh giá" : met ? "Đạt" : "Không đạt";
        PdfPCell cell = PdfBlocks.cell(text, PdfFonts.bold(PdfBlocks.TABLE), Element.ALIGN_CENTER);
        if (Boolean.FALSE.equals(met)) {
            cell.setBackgroundColor(PdfBlocks.FLAG_FILL);
        }
        return cell;
    }

    static PdfPCell insufficient(int span) {
        PdfPCell cell =
                PdfBlocks.cell(
                        "chưa đủ mẫu", PdfFonts.italic(PdfBlocks.TABLE), Element.ALIGN_CENTER);
        cell.setColspan(span);
        cell.setBackgroundColor(PdfBlocks.MUTED_FILL);
        return cell;
    }
}
