package vn.speedwatch.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.speedwatch.warehouse.AlertRow.BELOW_QCVN;
import static vn.speedwatch.warehouse.AlertRow.MEDIAN_DROP;
import static vn.speedwatch.warehouse.Rows.FIBER;
import static vn.speedwatch.warehouse.Rows.MORNING;
import static vn.speedwatch.warehouse.Rows.NEXT_DAY;
import static vn.speedwatch.warehouse.Rows.ONE_HOUR_LATER;
import static vn.speedwatch.warehouse.Rows.TDP_07;
import static vn.speedwatch.warehouse.Rows.TDP_12;
import static vn.speedwatch.warehouse.Rows.VIETTEL;
import static vn.speedwatch.warehouse.Rows.VNPT;
import static vn.speedwatch.warehouse.Rows.alert;

import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.speedwatch.warehouse.testing.TestDatabase;

/**
 * Alerts: one open alert per TDP × operator × access type × kind, acknowledging, closing and the
 * overlap query the monthly report uses. Run against both servers by the subclasses.
 */
abstract class AlertContract {

    abstract TestDatabase db();

    DataSource ds() {
        return db().dataSource();
    }

    AlertRepository alerts;

    @BeforeEach
    void emptyTables() throws SQLException {
        Db.ensureMigrated(db());
        Db.truncateAll(ds());
        alerts = new AlertRepository(ds());
    }

    @Test
    void onlyOneAlertPerKeyAndKindIsOpen() {
        Optional<Long> first = alerts.openIfAbsent(alert(TDP_07, VIETTEL, MEDIAN_DROP, MORNING));

        assertThat(first).isPresent();
        assertThat(alerts.openIfAbsent(alert(TDP_07, VIETTEL, MEDIAN_DROP, ONE_HOUR_LATER)))
                .isEmpty();
        assertThat(alerts.openIfAbsent(alert(TDP_07, VIETTEL, BELOW_QCVN, ONE_HOUR_LATER)))
                .isPresent();
        assertThat(alerts.openIfAbsent(alert(TDP_12, VIETTEL, MEDIAN_DROP, ONE_HOUR_LATER)))
                .isPresent();

        assertThat(alerts.findOpen())
                .hasSize(3)
                .first()
                .isEqualTo(withId(alert(TDP_07, VIETTEL, MEDIAN_DROP, MORNING), first.get()));
    }

    @Test
    void anAcknowledgedAlertStillBlocksANewOne() {
        long id = alerts.openIfAbsent(alert(TDP_07, VNPT, BELOW_QCVN, MORNING)).orElseThrow();

        assertThat(alerts.acknowledge(id, "cán bộ phường", ONE_HOUR_LATER)).isTrue();
        assertThat(alerts.acknowledge(id, "cán bộ phường", ONE_HOUR_LATER)).isFalse();

        assertThat(alerts.openIfAbsent(alert(TDP_07, VNPT, BELOW_QCVN, NEXT_DAY))).isEmpty();
        AlertRow stored = alerts.findOpen().get(0);
        assertThat(stored.status()).isEqualTo(AlertRow.ACKNOWLEDGED);
        assertThat(stored.acknowledgedBy()).isEqualTo("cán bộ phường");
        assertThat(stored.acknowledgedAt()).isEqualTo(ONE_HOUR_LATER);
    }

    @Test
    void closingAnAlertAllowsTheNextOne() {
        long id = alerts.openIfAbsent(alert(TDP_07, VIETTEL, MEDIAN_DROP, MORNING)).orElseThrow();

        assertThat(alerts.close(TDP_07, VIETTEL, FIBER, MEDIAN_DROP, ONE_HOUR_LATER)).isEqualTo(1);
        assertThat(alerts.close(TDP_07, VIETTEL, FIBER, MEDIAN_DROP, ONE_HOUR_LATER)).isZero();
        assertThat(alerts.acknowledge(id, "ai đó", NEXT_DAY)).isFalse();

        assertThat(alerts.findOpen()).isEmpty();
        Optional<Long> next = alerts.openIfAbsent(alert(TDP_07, VIETTEL, MEDIAN_DROP, NEXT_DAY));
        assertThat(next).isPresent().get().isNotEqualTo(id);
    }

    @Test
    void overlappingFindsAlertsOpenDuringThePeriod() {
        long closedBefore = open(TDP_07, MORNING.minus(Duration.ofDays(10)));
        alerts.close(TDP_07, VIETTEL, FIBER, MEDIAN_DROP, MORNING.minus(Duration.ofDays(5)));
        long closedDuring = open(TDP_07, MORNING.minus(Duration.ofDays(2)));
        alerts.close(TDP_07, VIETTEL, FIBER, MEDIAN_DROP, ONE_HOUR_LATER);
        long stillOpen = open(TDP_12, MORNING.minus(Duration.ofDays(1)));
        long openedAfter = open(TDP_07, NEXT_DAY.plus(Duration.ofDays(1)));

        assertThat(alerts.findOverlapping(MORNING, NEXT_DAY))
                .extracting(AlertRow::id)
                .containsExactly(closedDuring, stillOpen)
                .doesNotContain(closedBefore, openedAfter);
        AlertRow closed = alerts.findOverlapping(MORNING, NEXT_DAY).get(0);
        assertThat(closed.status()).isEqualTo(AlertRow.CLOSED);
        assertThat(closed.closedAt()).isEqualTo(ONE_HOUR_LATER);
        assertThat(closed.details()).contains("trung vị giảm 72 %");
    }

    private long open(String tdp, java.time.Instant at) {
        return alerts.openIfAbsent(alert(tdp, VIETTEL, MEDIAN_DROP, at)).orElseThrow();
    }

    private static AlertRow withId(AlertRow a, long id) {
        return new AlertRow(
                id,
                a.tdpCode(),
                a.operator(),
                a.accessType(),
                a.kind(),
                a.status(),
                a.openedAt(),
                a.closedAt(),
                a.sampleCount(),
                a.median24h(),
                a.baselineMedian(),
                a.belowQcvnShare(),
                a.details(),
                a.acknowledgedBy(),
                a.acknowledgedAt());
    }
}
