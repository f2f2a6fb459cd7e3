package vn.speedwatch.dashboards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The port of Grafana's macro engine gives the strings Grafana's own macros_test.go expects. */
class GrafanaMacrosTest {

    private static final Instant FROM = Instant.parse("2018-04-12T18:00:00Z");
    private static final Instant TO = Instant.parse("2018-04-12T18:05:00Z");
    private final GrafanaMacros plain = new GrafanaMacros(FROM, TO, false);
    private final GrafanaMacros timescale = new GrafanaMacros(FROM, TO, true);

    @Test
    void expandsTimeFilterFromAndTo() {
        assertThat(plain.interpolate("WHERE $__timeFilter(time_column)"))
                .isEqualTo(
                        "WHERE time_column BETWEEN '2018-04-12T18:00:00Z' AND '2018-04-12T18:05:00Z'");
        assertThat(plain.interpolate("select $__timeFrom()"))
                .isEqualTo("select '2018-04-12T18:00:00Z'");
        assertThat(plain.interpolate("select $__timeTo()"))
                .isEqualTo("select '2018-04-12T18:05:00Z'");
        assertThat(plain.interpolate("select min($__time(time_column))"))
                .isEqualTo("select min(time_column AS \"time\")");
    }

    @Test
    void formatsFractionalSecondsLikeGo() {
        assertThat(GrafanaMacros.rfc3339Nano(Instant.parse("1960-02-01T07:00:00.500Z")))
                .isEqualTo("1960-02-01T07:00:00.5Z");
    }

    @Test
    void groupsByTimeOnPlainPostgresAndTimescale() {
        assertThat(plain.interpolate("SELECT $__timeGroup(time_column,'5m')"))
                .isEqualTo("SELECT floor(extract(epoch from time_column)/300)*300");
        assertThat(plain.interpolate("SELECT $__timeGroup(time_column,'5m'), value"))
                .isEqualTo(
                        "SELECT floor(extract(epoch from time_column)/300)*300 AS \"time\","
                                + " value");
        assertThat(plain.interpolate("$__timeGroupAlias(time_column , '5m')"))
                .isEqualTo("floor(extract(epoch from time_column)/300)*300 AS \"time\"");
        assertThat(timescale.interpolate("GROUP BY $__timeGroup(time_column , '12d')"))
                .isEqualTo("GROUP BY time_bucket('1036800.000s',time_column)");
        assertThat(timescale.interpolate("GROUP BY $__timeGroup(time_column , '20ms')"))
                .isEqualTo("GROUP BY time_bucket('0.020s',time_column)");
    }

    @Test
    void expandsUnixEpochMacros() {
        assertThat(plain.interpolate("select $__unixEpochFilter(time)"))
                .isEqualTo("select time >= 1523556000 AND time <= 1523556300");
        assertThat(plain.interpolate("SELECT $__unixEpochGroup(time_column+time_adjustment,'5m')"))
                .isEqualTo("SELECT floor((time_column+time_adjustment)/300)*300");
    }

    @Test
    void rejectsUnknownMacroLikeGrafana() {
        assertThatThrownBy(() -> plain.interpolate("select $__nope(x)"))
                .hasMessageContaining("unknown macro");
    }
}
