package vn.speedwatch.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.speedwatch.jobs.config.PipelineConfig;
import vn.speedwatch.jobs.testing.Fixtures;
import vn.speedwatch.warehouse.AggregateRepository;
import vn.speedwatch.warehouse.MeasurementRepository;
import vn.speedwatch.warehouse.QualityAggregateRow;
import vn.speedwatch.warehouse.RawMeasurementRow;
import vn.speedwatch.warehouse.testing.PostgresDatabase;

/** The batch rebuild recomputes a range's aggregates from the raw table, and only that range. */
class RebuildAggregatesTest {

    @RegisterExtension static final MiniClusterExtension FLINK = Fixtures.miniCluster();

    @RegisterExtension static final PostgresDatabase DB = new PostgresDatabase();

    static final Instant MONDAY = Fixtures.MONDAY_LOCAL_MIDNIGHT;

    @Test
    void rebuildsTheRangeFromRawRowsAndRemovesAggregatesNoRowSupports() throws Exception {
        new MeasurementRepository(DB.dataSource()).upsert(rawRows(600, MONDAY));
        AggregateRepository aggregates = new AggregateRepository(DB.dataSource());
        aggregates.upsert(List.of(stale(MONDAY.plus(Duration.ofHours(5)))));
        QualityAggregateRow outside = stale(MONDAY.minus(Duration.ofDays(3)));
        aggregates.upsert(List.of(outside));

        PipelineConfig config =
                PipelineConfig.from(DB.settings(), Map.of("pipeline.parallelism", "2"));
        int read =
                new RebuildAggregates(config)
                        .run(
                                StreamExecutionEnvironment.getExecutionEnvironment(),
                                MONDAY,
                                MONDAY.plus(Duration.ofDays(2)));

        assertThat(read).isEqualTo(600);
        Map<String, double[]> expected =
                QualityPipelineTest.rows(
                        DB.dataSource(),
                        """
                        SELECT tdp_code || '|' || operator || '|' || access_type || '|'
                               || extract(epoch FROM date_trunc('hour', measured_at))::bigint,
                               count(*), percentile_disc(0.5) WITHIN GROUP (ORDER BY download_mbps)
                          FROM measurements_raw GROUP BY 1\
                        """);
        Map<String, double[]> actual =
                QualityPipelineTest.rows(
                        DB.dataSource(),
                        """
                        SELECT tdp_code || '|' || operator || '|' || access_type || '|'
                               || extract(epoch FROM bucket_start)::bigint,
                               sample_count, download_median
                          FROM quality_aggregates
                         WHERE resolution = 'hour' AND bucket_start >= '%s'\
                        """
                                .formatted(MONDAY));
        assertThat(actual.keySet()).isEqualTo(expected.keySet());
        expected.forEach(
                (cell, e) -> {
                    assertThat(actual.get(cell)[0]).isEqualTo(e[0]);
                    assertThat(actual.get(cell)[1]).isCloseTo(e[1], within(e[1] * 0.01));
                });
        assertThat(
                        aggregates.find(
                                "hour",
                                outside.bucketStart(),
                                outside.bucketStart().plusSeconds(1)))
                .containsExactly(outside);
        long days =
                aggregates.find("day", MONDAY, MONDAY.plus(Duration.ofDays(2))).stream()
                        .mapToLong(QualityAggregateRow::sampleCount)
                        .sum();
        assertThat(days).isEqualTo(600);
        assertDayRowsCarryTheDashboardCounts();
    }

    /** Per local day and cell: the counts and the device sketch the raw rows give. */
    private static void assertDayRowsCarryTheDashboardCounts() throws Exception {
        Map<String, double[]> expected =
                QualityPipelineTest.rows(
                        DB.dataSource(),
                        """
                        SELECT tdp_code || '|' || operator || '|' || access_type || '|'
                               || date_trunc('day', measured_at, 'Asia/Ho_Chi_Minh'),
                               count(target_2030_pass), count(*) FILTER (WHERE target_2030_pass),
                               count(*) FILTER (WHERE plan_download_mbps >= 1000),
                               count(ip_version), count(*) FILTER (WHERE ip_version = 6)
                          FROM measurements_raw GROUP BY 1
                        """);
        Map<String, double[]> actual =
                QualityPipelineTest.rows(
                        DB.dataSource(),
                        """
                        SELECT tdp_code || '|' || operator || '|' || access_type || '|'
                               || bucket_start,
                               target_2030_evaluated_count, target_2030_pass_count,
                               plan_gigabit_count, ip_known_count, ipv6_count
                          FROM quality_aggregates WHERE resolution = 'day'
                           AND tdp_code <> 'TDP-09'
                        """);
        assertThat(actual.keySet()).isEqualTo(expected.keySet());
        expected.forEach((k, e) -> assertThat(actual.get(k)).as(k).containsExactly(e));
        assertThat(expected.values().stream().mapToDouble(e -> e[1]).sum()).isPositive();
        String sketchMismatches =
                """
                SELECT 'mismatches', count(*) FROM quality_aggregates q
                 WHERE resolution = 'day' AND tdp_code <> 'TDP-09'
                   AND device_sketch IS DISTINCT FROM (
                       SELECT device_sketch_of(array_agg(m.device_hash))
                         FROM measurements_raw m
                        WHERE m.tdp_code = q.tdp_code AND m.access_type = q.access_type
                          AND date_trunc('day', m.measured_at, 'Asia/Ho_Chi_Minh')
                              = q.bucket_start)
                """;
        assertThat(QualityPipelineTest.rows(DB.dataSource(), sketchMismatches).get("mismatches"))
                .containsExactly(0.0);
    }

    static List<RawMeasurementRow> rawRows(int n, Instant from) {
        Random random = new Random(5);
        List<RawMeasurementRow> rows = new ArrayList<>();
        String[] tdps = {"TDP-01", "TDP-02"};
        for (int i = 0; i < n; i++) {
            Instant at = from.plusSeconds(random.nextInt(2 * 86_400));
            double down = 1 + random.nextInt(50_000) / 100.0;
            boolean fixed = i % 3 == 0;
            Double plan = fixed ? (i % 2 == 0 ? 1000.0 : 300.0) : null;
            rows.add(
                    new RawMeasurementRow(
                            UUID.randomUUID(),
                            at,
                            at.plusSeconds(5),
                            down,
                            down / 3,
                            25,
                            null,
                            null,
                            null,
                            "VIETTEL",
                            "Viettel",
                            fixed ? "FIXED_FIBER" : "MOBILE_4G",
                            plan,
                            null,
                            tdps[i % 2],
                            null,
                            null,
                            null,
                            null,
                            null,
                            "web",
                            i % 7 == 0 ? null : i % 5 == 0 ? 6 : 4,
                            "device-" + i % 150,
                            null,
                            down > 10,
                            fixed && plan == 1000.0 ? down > 250 : null,
                            null));
        }
        return rows;
    }

    static QualityAggregateRow stale(Instant bucket) {
        return new QualityAggregateRow(
                "hour",
                bucket,
                "TDP-09",
                "VNPT",
                "FIXED_FIBER",
                3,
                1,
                10.0,
                10.0,
                10.0,
                10.0,
                5.0,
                5.0,
                5.0,
                5.0,
                9.0,
                9.0,
                9.0,
                9.0,
                0,
                0,
                null,
                null,
                null,
                null);
    }
}
