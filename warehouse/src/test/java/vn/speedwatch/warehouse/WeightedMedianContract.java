package vn.speedwatch.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.speedwatch.warehouse.testing.TestDatabase;

/**
 * {@code weighted_median} (migration V15, rewritten with less PL/pgSQL work in V17) called the way
 * the dashboards call it, per group {@code weighted_median(array_agg(v ORDER BY v), array_agg(w
 * ORDER BY v))}, against the definition computed here by brute force: the smallest value whose
 * weight at or below it reaches half the total weight. Run against both servers by the subclasses.
 */
abstract class WeightedMedianContract {

    abstract TestDatabase db();

    DataSource ds() {
        return db().dataSource();
    }

    @BeforeEach
    void migrated() {
        Db.ensureMigrated(db());
    }

    /** One group's row: a cell median and its sample count, either possibly NULL. */
    record Cell(Double value, Long weight) {}

    static Cell cell(Double value, Long weight) {
        return new Cell(value, weight);
    }

    @Test
    void aSingleRowIsItsOwnMedian() throws SQLException {
        assertThat(median(List.of(cell(42.5, 7L)))).isEqualTo(42.5);
    }

    @Test
    void heavyRowsPullTheMedianTowardsThem() throws SQLException {
        // Unweighted the median would be 20; 90 of the 100 samples are at 50.
        List<Cell> cells = List.of(cell(10.0, 5L), cell(20.0, 3L), cell(50.0, 90L), cell(30.0, 2L));
        assertThat(median(cells)).isEqualTo(50.0).isEqualTo(bruteForce(cells));
    }

    @Test
    void exactlyHalfTheWeightIsEnough() throws SQLException {
        // 10 reaches 5 of 10 samples: the smallest value reaching half, not the next one.
        List<Cell> cells = List.of(cell(30.0, 5L), cell(10.0, 5L));
        assertThat(median(cells)).isEqualTo(10.0).isEqualTo(bruteForce(cells));
    }

    @Test
    void tiedValuesCountTogether() throws SQLException {
        // 20 appears three times: 1 + 1 + 1 + the 2 below reach 5 of 9.
        List<Cell> cells =
                List.of(
                        cell(20.0, 1L),
                        cell(10.0, 2L),
                        cell(20.0, 1L),
                        cell(40.0, 4L),
                        cell(20.0, 1L));
        assertThat(median(cells)).isEqualTo(20.0).isEqualTo(bruteForce(cells));
    }

    @Test
    void nullValuesWeighInTheTotalButAreNeverTheMedian() throws SQLException {
        List<Cell> shifted = List.of(cell(10.0, 4L), cell(20.0, 2L), cell(null, 3L));
        assertThat(median(shifted)).isEqualTo(20.0).isEqualTo(bruteForce(shifted));
        List<Cell> mostlyNull = List.of(cell(10.0, 1L), cell(null, 5L));
        assertThat(median(mostlyNull)).isNull();
        assertThat(bruteForce(mostlyNull)).isNull();
        assertThat(median(List.of(cell(null, 5L)))).isNull();
    }

    @Test
    void zeroWeightsAddNothingAndAZeroTotalGivesTheSmallestValue() throws SQLException {
        List<Cell> someZero =
                List.of(cell(5.0, 0L), cell(15.0, 3L), cell(25.0, 0L), cell(35.0, 2L));
        assertThat(median(someZero)).isEqualTo(15.0).isEqualTo(bruteForce(someZero));
        List<Cell> allZero = List.of(cell(25.0, 0L), cell(5.0, 0L));
        assertThat(median(allZero)).isEqualTo(5.0).isEqualTo(bruteForce(allZero));
    }

    @Test
    void nullWeightsAddNothingAndOnlyNullWeightsGiveNoMedian() throws SQLException {
        List<Cell> someNull = List.of(cell(1.0, 2L), cell(2.0, null), cell(3.0, 4L));
        assertThat(median(someNull)).isEqualTo(3.0).isEqualTo(bruteForce(someNull));
        // With a total of 0, a value below every weight has no cumulative weight at all.
        List<Cell> leadingNull = List.of(cell(1.0, null), cell(2.0, 0L), cell(3.0, 0L));
        assertThat(median(leadingNull)).isEqualTo(2.0).isEqualTo(bruteForce(leadingNull));
        assertThat(median(List.of(cell(1.0, null), cell(2.0, null)))).isNull();
    }

    @Test
    void noRowsGiveNoMedian() throws SQLException {
        assertThat(median(List.of())).isNull();
    }

    @Test
    void randomGroupsWithTiesNullsAndZerosMatchTheDefinition() throws SQLException {
        Random random = new Random(7);
        for (int group = 0; group < 60; group++) {
            int rows = 1 + random.nextInt(group < 30 ? 8 : 300);
            List<Cell> cells = new ArrayList<>();
            for (int i = 0; i < rows; i++) {
                // Few distinct values (ties), some NULL values, zero and NULL weights.
                Double value = random.nextInt(12) == 0 ? null : random.nextInt(40) * 0.5;
                Long weight =
                        random.nextInt(15) == 0
                                ? null
                                : random.nextInt(6) == 0 ? 0L : (long) random.nextInt(200);
                cells.add(cell(value, weight));
            }
            assertThat(median(cells)).as("group %d: %s", group, cells).isEqualTo(bruteForce(cells));
        }
    }

    /** The function over the cells as one group, the dashboards' way. */
    private Double median(List<Cell> cells) throws SQLException {
        String sql =
                "SELECT weighted_median(array_agg(v ORDER BY v), array_agg(w ORDER BY v))"
                        + " FROM unnest(CAST(? AS double precision[]), CAST(? AS bigint[])) AS t(v, w)";
        String value =
                Db.column(ds(), sql, literal(cells, Cell::value), literal(cells, Cell::weight))
                        .get(0);
        return value == null ? null : Double.valueOf(value);
    }

    private static String literal(
            List<Cell> cells, java.util.function.Function<Cell, Object> field) {
        return cells.stream()
                .map(c -> String.valueOf(field.apply(c)).replace("null", "NULL"))
                .collect(Collectors.joining(",", "{", "}"));
    }

    /**
     * The smallest non-NULL value v such that the non-NULL weights of the rows at or below v (there
     * is at least one) sum to at least half of all non-NULL weights; NULL if none.
     */
    static Double bruteForce(List<Cell> cells) {
        boolean anyWeight = cells.stream().anyMatch(c -> c.weight() != null);
        if (!anyWeight) {
            return null;
        }
        long total = cells.stream().filter(c -> c.weight() != null).mapToLong(Cell::weight).sum();
        double[] candidates =
                cells.stream()
                        .filter(c -> c.value() != null)
                        .mapToDouble(Cell::value)
                        .distinct()
                        .sorted()
                        .toArray();
        for (double v : candidates) {
            List<Long> atOrBelow =
                    cells.stream()
                            .filter(c -> c.value() != null && c.value() <= v && c.weight() != null)
                            .map(Cell::weight)
                            .toList();
            long weight = atOrBelow.stream().mapToLong(Long::longValue).sum();
            if (!atOrBelow.isEmpty() && 2 * weight >= total) {
                return v;
            }
        }
        return null;
    }

    @Test
    void theBruteForceItselfReadsTheDefinition() {
        assertThat(bruteForce(Arrays.asList(cell(3.0, 1L), cell(1.0, 1L), cell(2.0, 1L))))
                .isEqualTo(2.0);
        assertThat(bruteForce(List.of(cell(1.0, 1L), cell(2.0, 1L)))).isEqualTo(1.0);
    }
}
