package vn.speedwatch.dashboards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.speedwatch.dashboards.PanelRunner.Selection;
import vn.speedwatch.warehouse.testing.PostgresDatabase;

/** What an official reads off the panels, on the seeded month: the numbers make sense. */
class DashboardBehaviourTest {

    @RegisterExtension static PostgresDatabase db = new PostgresDatabase();

    private static PanelRunner runner;

    @BeforeAll
    static void seed() throws Exception {
        Seed.seed(db.dataSource(), Seed.Scale.TEST);
        runner = new PanelRunner(db.dataSource(), true);
    }

    @Test
    void sparseGridCellSaysNotEnoughSamplesInsteadOfAValue() throws SQLException {
        Map<String, Object> cell =
                row(rows("sw-ban-do", "Ô lưới", Selection.ALL), "Ô lưới", Seed.SPARSE_QUADKEY);
        assertThat(number(cell, "Số mẫu")).isEqualTo(3.0);
        assertThat(cell)
                .containsEntry("Trạng thái", "chưa đủ mẫu")
                .containsEntry("Tải xuống trung vị (Mbit/s)", null)
                .containsEntry("Dưới ngưỡng QCVN (%)", null);
    }

    @Test
    void operatorsAreRankedOnlyWhereSamplesSuffice() throws SQLException {
        List<Map<String, Object>> rows =
                rows(
                        "sw-so-sanh",
                        "Nhà mạng cạnh nhau theo tổ dân phố và loại truy cập",
                        Selection.ALL);
        List<String> fibreRanks =
                rows.stream()
                        .filter(
                                r ->
                                        r.get("Tổ dân phố").equals("TDP-01")
                                                && r.get("Loại truy cập").equals("FIXED_FIBER"))
                        .map(r -> r.get("Nhà mạng") + "=" + r.get("Thứ hạng tải xuống"))
                        .toList();
        assertThat(fibreRanks).containsExactly("FPT=3", "VIETTEL=1", "VNPT=2");
        Map<String, Object> sparse =
                rows.stream()
                        .filter(r -> r.get("Nhà mạng").equals("OTHER"))
                        .findFirst()
                        .orElseThrow();
        assertThat(sparse)
                .containsEntry("Thứ hạng tải xuống", null)
                .containsEntry("Độ tin cậy", "chưa đủ mẫu")
                .containsEntry("Tải xuống trung vị (Mbit/s)", null);
    }

    @Test
    void eveningCongestionShowsInTheHourOfDayPanel() throws SQLException {
        List<Map<String, Object>> hours =
                rows(
                        "sw-chi-tiet-tdp",
                        "Theo giờ trong ngày: tải xuống trung vị (Mbit/s)",
                        Selection.SINGLE);
        assertThat(hours).hasSize(24);
        double evening = number(row(hours, "Giờ trong ngày", "20h"), "Tải xuống trung vị (Mbit/s)");
        double morning = number(row(hours, "Giờ trong ngày", "10h"), "Tải xuống trung vị (Mbit/s)");
        assertThat(evening).isLessThan(0.7 * morning);
    }

    @Test
    void tdpWithoutPublicWifiTestsIsFlaggedFirst() throws SQLException {
        List<Map<String, Object>> rows =
                rows(
                        "sw-muc-tieu-2030",
                        "Wi-Fi công cộng tại nhà văn hóa theo tổ dân phố",
                        Selection.ALL);
        assertThat(rows.get(0))
                .containsEntry("Mã TDP", "TDP-11")
                .containsEntry("Tình trạng", "Chưa có phép đo nào");
        assertThat(number(rows.get(0), "Phép đo Wi-Fi công cộng")).isZero();
        assertThat(row(rows, "Mã TDP", "TDP-01")).containsEntry("Tình trạng", "Có dữ liệu");
    }

    @Test
    void vnnicReferenceMediansStandBesideTheWardsOwn() throws SQLException {
        List<Map<String, Object>> rows =
                rows("sw-tong-quan", "So sánh với trung vị VNNIC công bố", Selection.SINGLE);
        assertThat(rows)
                .extracting(r -> r.get("Khu vực tham chiếu"))
                .containsExactly("Hải Phòng", "Phường Thủy Nguyên");
        assertThat(rows.get(0))
                .containsEntry("Tải xuống trung vị VNNIC (Mbit/s)", 231.5)
                .containsEntry("Tháng", "10/2026");
        assertThat(number(rows.get(0), "Tải xuống trung vị phường (Mbit/s)"))
                .isBetween(150.0, 300.0);
    }

    @Test
    void sparseAlertKeepsItsRowButNotItsMedians() throws SQLException {
        List<Map<String, Object>> rows = rows("sw-chi-tiet-tdp", "Cảnh báo đang mở", Selection.ALL);
        assertThat(rows)
                .singleElement()
                .satisfies(
                        r -> {
                            assertThat(r)
                                    .containsEntry("Nhà mạng", "OTHER")
                                    .containsEntry("Trung vị 24 giờ (Mbit/s)", null)
                                    .containsEntry("Dưới ngưỡng QCVN (%)", null);
                            assertThat(number(r, "Số mẫu 24 giờ")).isEqualTo(3.0);
                        });
    }

    @Test
    void tdpMarkerSitsInsideItsPolygonAndCountsAddUp() throws SQLException {
        Map<String, Object> tdp01 =
                row(
                        rows("sw-ban-do", "Chất lượng theo tổ dân phố", Selection.ALL),
                        "Mã TDP",
                        "TDP-01");
        assertThat(number(tdp01, "latitude")).isBetween(20.91, 20.93);
        assertThat(number(tdp01, "longitude")).isBetween(106.64, 106.66);
        long hourly =
                ((Number)
                                runner.query(
                                                "SELECT sum(sample_count) FROM quality_aggregates"
                                                        + " WHERE resolution = 'hour'")
                                        .rows()
                                        .get(0)
                                        .get(0))
                        .longValue();
        assertThat(number(rows("sw-tong-quan", "Số phép đo", Selection.ALL).get(0), "Số phép đo"))
                .isEqualTo(hourly);
    }

    @Test
    void distinctDevicesComeFromMergedDaySketchesWithinTenPercent() throws SQLException {
        double shown =
                number(
                        rows("sw-tong-quan", "Thiết bị khác nhau", Selection.ALL).get(0),
                        "Thiết bị khác nhau");
        long exact = scalar(SeedSql.exactDevices("true"));
        assertThat(exact).isGreaterThan(1_000);
        assertThat(shown).isCloseTo(exact, org.assertj.core.data.Percentage.withPercentage(10));
    }

    @Test
    void targetAndIpv6SharesAreTheAggregatesCountsSummed() throws SQLException {
        String fixedDays =
                " FROM quality_aggregates WHERE resolution = 'day'"
                        + " AND access_type IN ('FIXED_FIBER', 'FIXED_OTHER')";
        double target =
                100.0
                        * scalar("SELECT sum(target_2030_pass_count)" + fixedDays)
                        / scalar("SELECT sum(sample_count)" + fixedDays);
        double ipv6 =
                100.0
                        * scalar(
                                "SELECT sum(ipv6_count) FROM quality_aggregates"
                                        + " WHERE resolution = 'day'")
                        / scalar(
                                "SELECT sum(ip_known_count)"
                                        + " FROM quality_aggregates WHERE resolution = 'day'");

        assertThat(
                        number(
                                rows(
                                                "sw-muc-tieu-2030",
                                                "Cáp quang đạt mục tiêu 1 Gbps (%)",
                                                Selection.ALL)
                                        .get(0),
                                "Cáp quang đạt mục tiêu 1 Gbps (%)"))
                .isCloseTo(target, within(1e-9))
                .isBetween(5.0, 50.0);
        assertThat(
                        number(
                                rows("sw-muc-tieu-2030", "Phép đo qua IPv6 (%)", Selection.ALL)
                                        .get(0),
                                "Phép đo qua IPv6 (%)"))
                .isCloseTo(ipv6, within(1e-9));
        Map<String, Object> tdp01 =
                row(
                        rows("sw-muc-tieu-2030", "Mục tiêu 1 Gbps theo tổ dân phố", Selection.ALL),
                        "Tổ dân phố",
                        "TDP-01");
        assertThat(number(tdp01, "Gói cước ≥ 1 Gbps (%)")).isCloseTo(40.0, within(1.0));
        assertThat(tdp01).containsEntry("Độ tin cậy", "đủ mẫu");
    }

    private static long scalar(String sql) throws SQLException {
        return ((Number) runner.query(sql).rows().get(0).get(0)).longValue();
    }

    private static List<Map<String, Object>> rows(String uid, String title, Selection s)
            throws SQLException {
        return runner.run(PanelQueryContract.panel(uid, title), s).maps();
    }

    private static Map<String, Object> row(
            List<Map<String, Object>> rows, String column, Object value) {
        return rows.stream()
                .filter(r -> value.equals(r.get(column)))
                .findFirst()
                .orElseThrow(
                        () -> new AssertionError("no row " + column + "=" + value + " in " + rows));
    }

    private static double number(Map<String, Object> row, String column) {
        return ((Number) row.get(column)).doubleValue();
    }
}
