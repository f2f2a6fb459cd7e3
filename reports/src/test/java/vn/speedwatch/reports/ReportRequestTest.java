package vn.speedwatch.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import vn.speedwatch.model.Operator;

class ReportRequestTest {

    static final Clock NOVEMBER_2026 =
            Clock.fixed(Instant.parse("2026-11-05T03:00:00Z"), ZoneOffset.UTC);
    static final Path OUT = Path.of("target", "report-out");

    @Test
    void parsesMonthAndOperator() {
        ReportRequest r = ReportRequest.parse("2026-10", "viettel", OUT, "An", NOVEMBER_2026);
        assertThat(r.month()).isEqualTo(YearMonth.of(2026, 10));
        assertThat(r.operator()).contains(Operator.VIETTEL);
        assertThat(ReportRequest.parse("2026-10", " ", OUT, "An", NOVEMBER_2026).operator())
                .isEmpty();
    }

    @Test
    void malformedMonthIsAClearError() {
        assertThatThrownBy(() -> ReportRequest.parse("2026-13", null, OUT, "An", NOVEMBER_2026))
                .isInstanceOf(ReportException.class)
                .hasMessageContaining("Tháng không hợp lệ: \"2026-13\"")
                .hasMessageContaining("expected YYYY-MM");
        assertThatThrownBy(() -> ReportRequest.parse("tháng 10", null, OUT, "An", NOVEMBER_2026))
                .isInstanceOf(ReportException.class)
                .hasMessageContaining("invalid month");
    }

    @Test
    void futureMonthIsRefused() {
        assertThatThrownBy(() -> ReportRequest.parse("2026-12", null, OUT, "An", NOVEMBER_2026))
                .isInstanceOf(ReportException.class)
                .hasMessageContaining("chưa đến")
                .hasMessageContaining("month 2026-12 is in the future");
    }

    @Test
    void currentMonthInVietnamIsAllowedEvenBeforeUtcTurnsIt() {
        Clock lateOctoberUtc = Clock.fixed(Instant.parse("2026-10-31T18:00:00Z"), ZoneOffset.UTC);
        assertThat(ReportRequest.parse("2026-11", null, OUT, "An", lateOctoberUtc).month())
                .isEqualTo(YearMonth.of(2026, 11));
    }

    @Test
    void unknownOperatorAndMissingRequesterAreClearErrors() {
        assertThatThrownBy(
                        () -> ReportRequest.parse("2026-10", "Telco X", OUT, "An", NOVEMBER_2026))
                .hasMessageContaining("Nhà mạng không xác định: Telco X");
        assertThatThrownBy(() -> ReportRequest.parse("2026-10", null, OUT, " ", NOVEMBER_2026))
                .hasMessageContaining("Thiếu tên người yêu cầu");
    }
}
