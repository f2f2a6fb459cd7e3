package vn.speedwatch.dashboards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.speedwatch.model.AccessType;
import vn.speedwatch.model.Operator;
import vn.speedwatch.warehouse.testing.PostgresDatabase;

/** Officials' VNNIC CSV: typed by hand, so every mistake is reported with its line. */
class ReferenceMediansImportTest {

    @RegisterExtension static PostgresDatabase db = new PostgresDatabase();

    private static final String HEADER =
            "month,area,operator,access_type,download_median_mbps,"
                    + "upload_median_mbps,latency_median_ms,samples\n";

    @BeforeEach
    void empty() throws Exception {
        sql("DELETE FROM reference_medians");
    }

    @Test
    void readsPortalFormsOfMonthsOperatorsAccessTypesAndNumbers() throws Exception {
        List<ReferenceMedian> rows;
        try (Reader r =
                new InputStreamReader(
                        getClass().getResourceAsStream("/vnnic-reference-2026-10.csv"),
                        StandardCharsets.UTF_8)) {
            rows = ReferenceCsvParser.parse(r);
        }
        assertThat(rows).hasSize(7);
        assertThat(rows.get(1).operator()).isEqualTo(Operator.VNPT);
        assertThat(rows.get(1).accessType()).isEqualTo(AccessType.FIXED_FIBER);
        assertThat(rows.get(4).operator()).isEqualTo(Operator.VNPT);
        assertThat(rows.get(5).sampleCount()).isNull();
        ReferenceMedian ward = rows.get(6);
        assertThat(ward.month()).isEqualTo(YearMonth.of(2026, 10));
        assertThat(ward.area()).isEqualTo("Phường Thủy Nguyên");
        assertThat(ward.downloadMedianMbps()).isEqualTo(236.1);
        assertThat(ward.sampleCount()).isEqualTo(1240L);
    }

    @Test
    void reportsEveryBadLineWithItsNumberAndStoresNothing() throws Exception {
        String csv =
                HEADER
                        + "2026-10,Hải Phòng,Viettel,FIXED_FIBER,231.5,205.2,8,48210\n"
                        + "2026-13,Hải Phòng,Viettel,MOBILE_4G,41.2,14.8,31,12004\n"
                        + "2026-10,Hải Phòng,Bưu chính Hà Nội X,FIXED_FIBER,abc,-3,8,1\n"
                        + "2026-10,,VNPT,cáp đồng,20,10,,12.5\n"
                        + "2026-10,Hải Phòng,Viettel,FIXED_FIBER,230,200,8,1\n"
                        + "2026-10,\"Hải Phòng,Viettel,FIXED_FIBER,1,1,1,1\n";
        ReferenceCsvException e =
                catchThrowableOfType(
                        ReferenceCsvException.class,
                        () ->
                                new ReferenceMediansImport(db.dataSource())
                                        .importCsv(new StringReader(csv), "test"));
        assertThat(e.errors())
                .containsExactly(
                        "Dòng 3: tháng '2026-13' không hợp lệ (dùng 2026-10 hoặc 10/2026) / Line 3:"
                                + " month '2026-13' is invalid (use 2026-10 or 10/2026)",
                        "Dòng 4: nhà mạng 'Bưu chính Hà Nội X' không nhận ra / Line 4: operator"
                                + " 'Bưu chính Hà Nội X' is unknown",
                        "Dòng 4: cột download_median_mbps = 'abc' không phải số từ 0 đến 100000 /"
                                + " Line 4: column download_median_mbps = 'abc' is not a number from 0"
                                + " to 100000",
                        "Dòng 4: cột upload_median_mbps = '-3' không phải số từ 0 đến 100000 / Line 4:"
                                + " column upload_median_mbps = '-3' is not a number from 0 to 100000",
                        "Dòng 5: thiếu khu vực / Line 5: area is empty",
                        "Dòng 5: loại truy cập 'cáp đồng' không nhận ra (ví dụ FIXED_FIBER, MOBILE_4G)"
                                + " / Line 5: access type 'cáp đồng' is unknown (e.g. FIXED_FIBER,"
                                + " MOBILE_4G)",
                        "Dòng 5: số mẫu '12.5' không phải số nguyên không âm / Line 5: samples '12.5'"
                                + " is not a non-negative integer",
                        "Dòng 6: trùng với dòng 2 (cùng tháng, khu vực, nhà mạng, loại truy cập) /"
                                + " Line 6: duplicates line 2",
                        "Dòng 7: dấu ngoặc kép chưa đóng / unclosed double quote / Line 7: dấu ngoặc"
                                + " kép chưa đóng / unclosed double quote");
        assertThat(count()).isZero();
    }

    @Test
    void reportsMissingAndUnknownColumnsOnTheHeaderLine() {
        ReferenceCsvException e =
                catchThrowableOfType(
                        ReferenceCsvException.class,
                        () ->
                                ReferenceCsvParser.parse(
                                        new StringReader(
                                                "\uFEFFmonth,area,nha_mang,access_type,download_median_mbps\n")));
        assertThat(e.errors())
                .containsExactly(
                        "Dòng 1: cột không biết 'nha_mang' / Line 1: unknown column 'nha_mang'",
                        "Dòng 1: thiếu cột 'operator' / Line 1: missing column 'operator'",
                        "Dòng 1: thiếu cột 'upload_median_mbps' / Line 1: missing column"
                                + " 'upload_median_mbps'");
        assertThat(
                        catchThrowableOfType(
                                        ReferenceCsvException.class,
                                        () -> ReferenceCsvParser.parse(new StringReader("")))
                                .errors())
                .containsExactly(
                        "Dòng 1: thiếu dòng tiêu đề / Line 1: the header line is" + " missing");
        assertThat(
                        catchThrowableOfType(
                                        ReferenceCsvException.class,
                                        () -> ReferenceCsvParser.parse(new StringReader(HEADER)))
                                .errors())
                .containsExactly("Tệp không có dòng dữ liệu nào / The file has no data rows");
    }

    @Test
    void reimportingAMonthReplacesItsValues() throws Exception {
        ReferenceMediansImport importer = new ReferenceMediansImport(db.dataSource());
        String row = "2026-10,Hải Phòng,Viettel,FIXED_FIBER,%s,205.2,8,48210\n";
        assertThat(importer.importCsv(new StringReader(HEADER + row.formatted("231.5")), "a"))
                .isEqualTo(1);
        importer.importCsv(new StringReader(HEADER + row.formatted("240.0")), "VNNIC 11/2026");
        assertThat(count()).isEqualTo(1);
        try (Connection c = db.dataSource().getConnection();
                Statement st = c.createStatement();
                ResultSet rs =
                        st.executeQuery(
                                "SELECT download_median, source, month"
                                        + " FROM reference_medians")) {
            rs.next();
            assertThat(rs.getDouble(1)).isEqualTo(240.0);
            assertThat(rs.getString(2)).isEqualTo("VNNIC 11/2026");
            assertThat(rs.getDate(3).toString()).isEqualTo("2026-10-01");
        }
    }

    private static long count() throws Exception {
        try (Connection c = db.dataSource().getConnection();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT count(*) FROM reference_medians")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void sql(String sql) throws Exception {
        try (Connection c = db.dataSource().getConnection();
                Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }
}
