package vn.speedwatch.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.speedwatch.model.AccessType;
import vn.speedwatch.model.AreaRegistry;
import vn.speedwatch.model.Operator;
import vn.speedwatch.model.QcvnThresholds;
import vn.speedwatch.warehouse.AlertRepository;
import vn.speedwatch.warehouse.AlertRow;
import vn.speedwatch.warehouse.testing.PostgresDatabase;

/**
 * Seeds September and October 2026 into a real PostgreSQL, generates the reports as an official
 * would in early November, and checks them the way a reader would: numbers against SQL on the raw
 * rows, Vietnamese text in the PDF, the CSV in a spreadsheet, the archive row.
 */
class ReportGeneratorTest {

    @RegisterExtension static PostgresDatabase db = new PostgresDatabase();

    static final YearMonth SEPTEMBER = YearMonth.of(2026, 9);
    static final YearMonth OCTOBER = YearMonth.of(2026, 10);
    static final Clock EARLY_NOVEMBER =
            Clock.fixed(Instant.parse("2026-11-05T03:00:00Z"), ZoneOffset.UTC);
    static final Path OUT = Path.of("target", "report-out");

    static GeneratedReport viettel;
    static GeneratedReport mobifone;
    static ReportGenerator generator;

    @BeforeAll
    static void seedAndGenerate() throws Exception {
        TestFiles.deleteTree(OUT);
        Seeder seeder = new Seeder(db.dataSource(), true);
        seeder.cell(Operator.VIETTEL, "TDP-02", AccessType.MOBILE_4G, SEPTEMBER, 150, 18, 1);
        seeder.cell(Operator.VIETTEL, "TDP-01", AccessType.FIXED_FIBER, SEPTEMBER, 200, 240, 2);
        seeder.cell(Operator.VIETTEL, "TDP-01", AccessType.FIXED_FIBER, OCTOBER, 240, 250, 3);
        seeder.cell(Operator.VIETTEL, "TDP-02", AccessType.MOBILE_4G, OCTOBER, 180, 25, 4);
        seeder.cell(Operator.VIETTEL, "TDP-03", AccessType.MOBILE_4G, OCTOBER, 12, 60, 5);
        seeder.cell(Operator.VIETTEL, "TDP-04", AccessType.MOBILE_5G, OCTOBER, 60, 150, 6);
        seeder.cell(Operator.VIETTEL, "TDP-07", AccessType.MOBILE_4G, OCTOBER, 90, 70, 7);
        seeder.cell(Operator.VIETTEL, "TDP-05", AccessType.PUBLIC_WIFI, OCTOBER, 30, 40, 8);
        seeder.cell(Operator.VNPT, "TDP-01", AccessType.FIXED_FIBER, OCTOBER, 100, 90, 9);
        seeder.cell(Operator.VIETTEL, "OUTSIDE", AccessType.MOBILE_4G, OCTOBER, 40, 5, 10);
        AlertRepository alerts = new AlertRepository(db.dataSource());
        alerts.openIfAbsent(
                AlertRow.open(
                        "TDP-02",
                        "VIETTEL",
                        "MOBILE_4G",
                        AlertRow.BELOW_QCVN,
                        Instant.parse("2026-10-10T02:00:00Z"),
                        40L,
                        20.0,
                        null,
                        0.8,
                        null));
        alerts.close(
                "TDP-02",
                "VIETTEL",
                "MOBILE_4G",
                AlertRow.BELOW_QCVN,
                Instant.parse("2026-10-20T02:00:00Z"));
        generator =
                new ReportGenerator(
                        db.dataSource(),
                        ReportsConfig.defaults(),
                        AreaRegistry.loadSample().areas(),
                        QcvnThresholds.load(),
                        EARLY_NOVEMBER);
        generator.generate(request(SEPTEMBER, Operator.VIETTEL), ProgressListener.NONE);
        viettel =
                generator
                        .generate(request(OCTOBER, Operator.VIETTEL), ProgressListener.NONE)
                        .get(0);
        mobifone =
                generator
                        .generate(request(OCTOBER, Operator.MOBIFONE), ProgressListener.NONE)
                        .get(0);
    }

    static ReportRequest request(YearMonth month, Operator operator) {
        return new ReportRequest(month, Optional.of(operator), OUT, "Nguyễn Văn An");
    }

    @Test
    void csvNumbersEqualSqlOnTheRawRows() throws Exception {
        Map<String, List<String>> rows = csvRows(viettel.csv());
        for (String cell :
                List.of(
                        "TDP-01/FIXED_FIBER",
                        "TDP-02/MOBILE_4G",
                        "TDP-04/MOBILE_5G",
                        "TDP-07/MOBILE_4G",
                        "TDP-05/PUBLIC_WIFI")) {
            String[] key = cell.split("/");
            List<String> row = rows.get(cell);
            Map<String, Double> sql = sqlFigures(key[0], key[1]);
            assertThat(Long.parseLong(row.get(3)))
                    .as(cell + " tests")
                    .isEqualTo(sql.get("n").longValue());
            assertThat(Double.parseDouble(row.get(7)))
                    .as(cell + " mean")
                    .isCloseTo(sql.get("mean"), within(0.0005));
            assertThat(Double.parseDouble(row.get(5)))
                    .as(cell + " median")
                    .isCloseTo(sql.get("median"), within(sql.get("median") * 0.01 + 0.0005));
            assertThat(Double.parseDouble(row.get(6)))
                    .as(cell + " p10")
                    .isCloseTo(sql.get("p10"), within(sql.get("p10") * 0.01 + 0.0005));
            if (sql.get("share") != null) {
                assertThat(Double.parseDouble(row.get(10)))
                        .as(cell + " share below")
                        .isCloseTo(sql.get("share"), within(0.0005));
            }
        }
    }

    @Test
    void cellBelowMinimumShowsNoValues() throws Exception {
        List<String> row = csvRows(viettel.csv()).get("TDP-03/MOBILE_4G");
        assertThat(row.get(3)).isEqualTo("12");
        assertThat(row.subList(5, 11)).containsOnly("");
        assertThat(row.get(11)).isEqualTo("chưa đủ mẫu");
    }

    @Test
    void csvStartsWithBomAndParsesBack() throws Exception {
        byte[] bytes = Files.readAllBytes(viettel.csv());
        assertThat(bytes).startsWith((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);
        List<List<String>> rows = Csv.parse(new String(bytes, StandardCharsets.UTF_8).substring(1));
        assertThat(rows.get(0)).isEqualTo(ReportCsv.HEADER);
        assertThat(rows).hasSize(1 + 6).allSatisfy(r -> assertThat(r).hasSize(12));
        assertThat(rows.get(1)).startsWith("TDP-01", "Tổ dân phố Số 1", "FIXED_FIBER");
    }

    @Test
    void pdfReadsAsAVietnameseLetterWithTheNumbers() throws Exception {
        String text = PdfPages.text(viettel.pdf());
        assertThat(text)
                .contains(
                        "UBND PHƯỜNG THỦY NGUYÊN",
                        "PHÒNG VĂN HÓA – XÃ HỘI",
                        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                        "Độc lập – Tự do – Hạnh phúc",
                        "Thủy Nguyên, ngày 05 tháng 11 năm 2026",
                        "V/v đề nghị cải thiện chất lượng dịch vụ Internet tháng 10/2026",
                        "Kính gửi: Tập đoàn Công nghiệp – Viễn thông Quân đội (Viettel)",
                        "chưa đủ mẫu",
                        "Tổ dân phố Số 2",
                        "Đề nghị cải thiện",
                        "Nơi nhận:",
                        "TRƯỞNG PHÒNG",
                        viettel.dataFingerprint());
        assertThat(text).contains("612 lượt đo");
        List<String> tdp02 = csvRows(viettel.csv()).get("TDP-02/MOBILE_4G");
        String median = VnFormat.decimal(Double.parseDouble(tdp02.get(5)), 1);
        String share = VnFormat.percent(Double.parseDouble(tdp02.get(10)));
        assertThat(text)
                .contains(
                        "TDP-02 – Tổ dân phố Số 2, Di động 4G: trung vị tải xuống "
                                + median
                                + " Mbps, "
                                + share
                                + " lượt đo dưới ngưỡng (180 lượt đo)");
        assertThat(text).contains("Dưới ngưỡng QCVN", "10/10/2026 09:00", "20/10/2026 09:00");
        assertThat(PdfPages.render(viettel.pdf())).isGreaterThanOrEqualTo(2);
    }

    @Test
    void followsUpWhatLastMonthFlagged() throws Exception {
        String text = PdfPages.text(viettel.pdf());
        assertThat(text).contains("6. Theo dõi các kiến nghị tháng trước", "Trung vị 09/2026");
        assertThat(text).contains("Có cải thiện, chưa đạt");
        ArchivedReport archived = generator.archive().find(viettel.archiveId()).orElseThrow();
        assertThat(archived.summary().flagged())
                .extracting(FlaggedCell::tdpCode)
                .contains("TDP-02");
    }

    @Test
    void operatorWithoutDataGetsANoMeasurementsLetter() throws Exception {
        assertThat(mobifone.hasData()).isFalse();
        String text = PdfPages.text(mobifone.pdf());
        assertThat(text)
                .contains(
                        "Không có số liệu đo trong tháng 10/2026",
                        "Kính gửi: Tổng công ty Viễn thông MobiFone",
                        "TRƯỞNG PHÒNG");
        assertThat(csvRows(mobifone.csv())).isEmpty();
        PdfPages.render(mobifone.pdf());
    }

    @Test
    void archiveRowCarriesTheFileHashes() throws Exception {
        try (Connection c = db.dataSource().getConnection();
                PreparedStatement ps =
                        c.prepareStatement(
                                "SELECT operator, month, generated_by,"
                                        + " pdf_sha256, csv_sha256, data_fingerprint, sent FROM monthly_reports"
                                        + " WHERE id = ?")) {
            ps.setLong(1, viettel.archiveId());
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString("operator")).isEqualTo("VIETTEL");
                assertThat(rs.getDate("month").toLocalDate()).isEqualTo(OCTOBER.atDay(1));
                assertThat(rs.getString("generated_by")).isEqualTo("Nguyễn Văn An");
                assertThat(rs.getString("pdf_sha256")).isEqualTo(sha256(viettel.pdf()));
                assertThat(rs.getString("csv_sha256")).isEqualTo(sha256(viettel.csv()));
                assertThat(rs.getString("data_fingerprint")).hasSize(64);
                assertThat(rs.getBoolean("sent")).isFalse();
            }
        }
    }

    @Test
    void fingerprintIsStableAndFollowsTheData() throws Exception {
        GeneratedReport again =
                generator
                        .generate(request(OCTOBER, Operator.VIETTEL), ProgressListener.NONE)
                        .get(0);
        assertThat(again.dataFingerprint()).isEqualTo(viettel.dataFingerprint());
        assertThat(again.archiveId()).isNotEqualTo(viettel.archiveId());
        assertThat(again.pdf()).isNotEqualTo(viettel.pdf());
        assertThat(sha256(viettel.pdf()))
                .as("the first report's file is kept as archived")
                .isEqualTo(viettel.pdfSha256());
        GeneratedReport vnpt =
                generator.generate(request(OCTOBER, Operator.VNPT), ProgressListener.NONE).get(0);
        assertThat(vnpt.dataFingerprint()).isNotEqualTo(viettel.dataFingerprint());
    }

    @Test
    void operatorCanRecomputeTheFingerprintFromTheRows() throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        try (Connection c = db.dataSource().getConnection();
                PreparedStatement ps =
                        c.prepareStatement(
                                "SELECT * FROM quality_aggregates"
                                        + " WHERE resolution = 'day' AND operator = 'VIETTEL'"
                                        + " AND bucket_start >= '2026-10-01T00:00+07'"
                                        + " AND bucket_start < '2026-11-01T00:00+07' AND tdp_code <> 'OUTSIDE'"
                                        + " ORDER BY tdp_code, access_type, bucket_start");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String line =
                        String.join(
                                        "|",
                                        rs.getString("tdp_code"),
                                        rs.getString("access_type"),
                                        rs.getTimestamp("bucket_start").toInstant().toString(),
                                        rs.getString("sample_count"),
                                        rs.getString("device_count"),
                                        text(rs, "download_mean"),
                                        text(rs, "upload_mean"),
                                        text(rs, "latency_mean"),
                                        rs.getString("qcvn_evaluated_count"),
                                        rs.getString("below_qcvn_count"),
                                        base64(rs, "download_sketch"),
                                        base64(rs, "upload_sketch"),
                                        base64(rs, "latency_sketch"))
                                + "\n";
                digest.update(line.getBytes(StandardCharsets.UTF_8));
            }
        }
        assertThat(HexFormat.of().formatHex(digest.digest())).isEqualTo(viettel.dataFingerprint());
    }

    private static String text(ResultSet rs, String column) throws Exception {
        double v = rs.getDouble(column);
        return rs.wasNull() ? "" : Double.toString(v);
    }

    private static String base64(ResultSet rs, String column) throws Exception {
        byte[] b = rs.getBytes(column);
        return b == null ? "" : java.util.Base64.getEncoder().encodeToString(b);
    }

    private static Map<String, List<String>> csvRows(Path csv) throws Exception {
        String text = Files.readString(csv, StandardCharsets.UTF_8).substring(1);
        Map<String, List<String>> out = new HashMap<>();
        List<List<String>> rows = Csv.parse(text);
        rows.subList(1, rows.size()).forEach(r -> out.put(r.get(0) + "/" + r.get(2), r));
        return out;
    }

    /** Exact figures from the raw rows; quantiles as the value at rank floor(q × (n − 1)). */
    private static Map<String, Double> sqlFigures(String tdp, String access) throws Exception {
        String where =
                " FROM measurements_raw WHERE operator = 'VIETTEL' AND tdp_code = ? AND"
                        + " access_type = ? AND measured_at >= '2026-10-01T00:00+07' AND measured_at <"
                        + " '2026-11-01T00:00+07'";
        Map<String, Double> out = new HashMap<>();
        try (Connection c = db.dataSource().getConnection()) {
            try (PreparedStatement ps =
                    c.prepareStatement(
                            "SELECT count(*), avg(download_mbps),"
                                    + " (count(*) FILTER (WHERE NOT qcvn_pass))::float8"
                                    + " / NULLIF(count(*) FILTER (WHERE qcvn_pass IS NOT NULL), 0)"
                                    + where)) {
                ps.setString(1, tdp);
                ps.setString(2, access);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    out.put("n", (double) rs.getLong(1));
                    out.put("mean", rs.getDouble(2));
                    double share = rs.getDouble(3);
                    out.put("share", rs.wasNull() ? null : share);
                }
            }
            for (var q : Map.of("median", 0.5, "p10", 0.1).entrySet()) {
                long rank = (long) Math.floor(q.getValue() * (out.get("n") - 1));
                try (PreparedStatement ps =
                        c.prepareStatement(
                                "SELECT download_mbps"
                                        + where
                                        + " ORDER BY download_mbps OFFSET ? LIMIT 1")) {
                    ps.setString(1, tdp);
                    ps.setString(2, access);
                    ps.setLong(3, rank);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        out.put(q.getKey(), rs.getDouble(1));
                    }
                }
            }
        }
        return out;
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
