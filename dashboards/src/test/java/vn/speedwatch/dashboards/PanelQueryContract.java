package vn.speedwatch.dashboards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import vn.speedwatch.dashboards.PanelRunner.Selection;
import vn.speedwatch.warehouse.testing.TestDatabase;

/**
 * Every SQL query of every provisioned panel, with the variables set to "All", one value and two
 * values, runs on the seeded warehouse without error and returns what its panel type needs,
 * non-empty, and never a value of the sparse cell. Subclasses supply the database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class PanelQueryContract {

    private static final double TOLERANCE = 1e-6;

    abstract TestDatabase db();

    PanelRunner runner() {
        return new PanelRunner(db().dataSource(), true);
    }

    @BeforeAll
    void seed() throws Exception {
        Seed.seed(
                db().dataSource(),
                db().isTimescale() ? Seed.Scale.TIMESCALE_TEST : Seed.Scale.TEST);
    }

    @TestFactory
    Stream<DynamicTest> everyPanelQueryRunsAndHidesSparseCells() {
        List<DynamicTest> tests = new ArrayList<>();
        for (PanelQuery q : Provisioning.sqlQueries()) {
            for (Selection s : Selection.values()) {
                tests.add(dynamicTest(q + " [" + s + "]", () -> check(q, s)));
            }
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> everyVariableQueryOffersValues() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Dashboard d : Provisioning.dashboards()) {
            for (TemplateVariable v : d.variables().values()) {
                if (v.type().equals("query")) {
                    tests.add(
                            dynamicTest(
                                    d.uid() + " $" + v.name(),
                                    () -> {
                                        QueryResult r = runner().query(v.query());
                                        assertThat(r.columns()).contains("__value", "__text");
                                        assertThat(runner().allValues(v))
                                                .contains("TDP-01", Seed.SPARSE_TDP);
                                    }));
                }
            }
        }
        return tests.stream();
    }

    private void check(PanelQuery q, Selection s) throws SQLException {
        String sql = runner().render(q, s);
        assertThat(sql).as("no variable or macro left in\n%s", sql).doesNotContain("$");
        QueryResult r;
        try {
            r = runner().query(sql);
        } catch (SQLException e) {
            throw new AssertionError(q + " failed: " + e.getMessage() + "\n" + sql, e);
        }
        checkShape(q, r);
        assertThat(r.rows()).as("%s returns rows on the seed", q).isNotEmpty();
        assertThat(r.numbers()).as("%s returns at least one value on the seed", q).isNotEmpty();
        for (double v : r.numbers()) {
            for (double sentinel : Seed.SENTINELS) {
                if (Math.abs(v - sentinel) < TOLERANCE) {
                    fail(
                            q
                                    + " ["
                                    + s
                                    + "] reveals "
                                    + v
                                    + ", a value of a cell with only "
                                    + Seed.SPARSE_N
                                    + " samples:\n"
                                    + r.maps());
                }
            }
        }
    }

    private static void checkShape(PanelQuery q, QueryResult r) {
        assertThat(r.columns())
                .as("%s: named, distinct columns", q)
                .doesNotHaveDuplicates()
                .noneMatch(c -> c.isBlank() || c.equals("?column?"));
        assertThat(anyColumn(r, r::isNumeric)).as("%s has a numeric column", q).isTrue();
        if (q.format().equals("time_series")) {
            int time = r.column("time");
            assertThat(time).as("%s has a time column", q).isNotNegative();
            assertThat(r.isTime(time)).as("%s: time column is a timestamp", q).isTrue();
        }
        switch (q.panelType()) {
            case "geomap" -> {
                assertThat(r.columns())
                        .as("%s gives coordinates", q)
                        .contains("latitude", "longitude");
                assertThat(r.isNumeric(r.column("latitude"))).isTrue();
                assertThat(r.isNumeric(r.column("longitude"))).isTrue();
            }
            case "barchart" -> {
                String x = q.panel().path("options").path("xField").asText();
                assertThat(r.columns()).as("%s has its x field", q).contains(x);
                assertThat(r.isText(r.column(x))).as("%s: x field is text", q).isTrue();
            }
            case "timeseries" -> assertThat(q.format()).isEqualTo("time_series");
            default -> assertThat(q.panelType()).isIn("table", "stat", "histogram");
        }
    }

    private static boolean anyColumn(QueryResult r, java.util.function.IntPredicate p) {
        for (int i = 0; i < r.columns().size(); i++) {
            if (p.test(i)) {
                return true;
            }
        }
        return false;
    }

    /** The panel with this title on the dashboard with this uid. */
    static PanelQuery panel(String dashboardUid, String title) {
        return Provisioning.sqlQueries().stream()
                .filter(q -> q.dashboard().uid().equals(dashboardUid))
                .filter(q -> q.panel().path("title").asText().equals(title))
                .findFirst()
                .orElseThrow(
                        () -> new AssertionError("no panel «" + title + "» on " + dashboardUid));
    }
}
