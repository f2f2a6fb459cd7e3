package vn.speedwatch.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.speedwatch.jobs.config.PipelineConfig;
import vn.speedwatch.jobs.sinks.PipelineSinks;
import vn.speedwatch.jobs.testing.BoundedSource;
import vn.speedwatch.jobs.testing.Dataset;
import vn.speedwatch.jobs.testing.Fixtures;
import vn.speedwatch.warehouse.testing.PostgresDatabase;

/**
 * The whole pipeline on a MiniCluster (parallelism 2) over a generated day-and-a-half of traffic
 * with duplicates, out-of-order and late data, erasures and invalid records, written to a real
 * PostgreSQL database; every aggregate is checked against SQL over the stored raw rows.
 */
class QualityPipelineTest {

    @RegisterExtension static final MiniClusterExtension FLINK = Fixtures.miniCluster();

    @RegisterExtension static final PostgresDatabase DB = new PostgresDatabase();

    static final Dataset DATA = Dataset.generate(7, 1500, Fixtures.MONDAY_LOCAL_MIDNIGHT);

    @BeforeAll
    static void runPipelineOverTheDataset() throws Exception {
        PipelineConfig config = testConfig(DB);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        QualityPipeline.configure(env, config);
        new QualityPipeline(
                        config,
                        new BoundedSource(
                                DATA.records,
                                DATA.pauseBefore,
                                DATA.storedBeforePause(DB.settings()),
                                1500,
                                null),
                        PipelineSinks.warehouse(config))
                .build(env)
                .execute("quality pipeline test");
    }

    static PipelineConfig testConfig(PostgresDatabase db) {
        return PipelineConfig.from(
                db.settings(),
                Map.of(
                        "pipeline.parallelism", "2",
                        "pipeline.allowed-lateness", "1h",
                        "pipeline.out-of-orderness", "1m",
                        "pipeline.checkpoint-interval", "1s"));
    }

    @Test
    void storesEveryValidMeasurementOnceAndNothingErased() throws Exception {
        Set<UUID> ids = new HashSet<>(uuids("SELECT id FROM measurements_raw"));
        assertThat(count("SELECT count(*) FROM measurements_raw")).isEqualTo(DATA.stored.size());
        assertThat(ids).isEqualTo(DATA.stored);
        assertThat(ids).doesNotContainAnyElementsOf(DATA.erased);
        assertThat(new HashSet<>(uuids("SELECT id FROM erasures"))).containsAll(DATA.erased);
    }

    @Test
    void invalidRecordsBecomeDeadLettersWithTheirReason() throws Exception {
        assertThat(count("SELECT count(*) FROM dead_letters")).isEqualTo(DATA.invalid);
        assertThat(count("SELECT count(*) FROM dead_letters WHERE reason LIKE 'malformed JSON%'"))
                .isPositive();
        assertThat(
                        count(
                                "SELECT count(*) FROM dead_letters WHERE reason LIKE 'invalid"
                                        + " measurement: /downloadMbps%'"))
                .isPositive();
    }

    @Test
    void hourlyAggregatesEqualSqlOverTheRawRows() throws Exception {
        assertAggregatesMatch("hour", "date_trunc('hour', measured_at)");
    }

    @Test
    void dailyAggregatesEqualSqlOverTheRawRowsInLocalDays() throws Exception {
        assertAggregatesMatch(
                "day",
                "date_trunc('day', measured_at AT TIME ZONE"
                        + " 'Asia/Ho_Chi_Minh') AT TIME ZONE 'Asia/Ho_Chi_Minh'");
    }

    @Test
    void measurementsLaterThanTheAllowedLatenessAreStoredButNotAggregated() throws Exception {
        assertThat(new HashSet<>(uuids("SELECT id FROM measurements_raw")))
                .containsAll(DATA.tooLate);
        long aggregated =
                count(
                        "SELECT coalesce(sum(sample_count), 0) FROM quality_aggregates"
                                + " WHERE resolution = 'day'");
        assertThat(aggregated).isEqualTo(DATA.stored.size() - DATA.tooLate.size());
    }

    private void assertAggregatesMatch(String resolution, String bucketSql) throws Exception {
        String late =
                DATA.tooLate.stream().map(id -> "'" + id + "'").collect(Collectors.joining(","));
        Map<String, double[]> expected =
                rows(
                        """
                        SELECT tdp_code || '|' || operator || '|' || access_type || '|'
                               || extract(epoch FROM %s)::bigint,
                               count(*), count(DISTINCT device_hash),
                               avg(download_mbps),
                               percentile_disc(0.5) WITHIN GROUP (ORDER BY download_mbps),
                               percentile_cont(0.5) WITHIN GROUP (ORDER BY download_mbps),
                               avg(latency_ms),
                               percentile_disc(0.5) WITHIN GROUP (ORDER BY latency_ms),
                               count(qcvn_pass), count(*) FILTER (WHERE NOT qcvn_pass)
                          FROM measurements_raw WHERE id NOT IN (%s)
                         GROUP BY 1\
                        """
                                .formatted(bucketSql, late));
        Map<String, double[]> actual =
                rows(
                        """
                        SELECT tdp_code || '|' || operator || '|' || access_type || '|'
                               || extract(epoch FROM bucket_start)::bigint,
                               sample_count, device_count, download_mean, download_median,
                               download_median,
                               latency_mean, latency_median, qcvn_evaluated_count, below_qcvn_count
                          FROM quality_aggregates WHERE resolution = '%s'\
                        """
                                .formatted(resolution));
        assertThat(actual.keySet()).isEqualTo(expected.keySet());
        expected.forEach(
                (cell, e) -> {
                    double[] a = actual.get(cell);
                    assertThat(a[0]).as("samples of %s", cell).isEqualTo(e[0]);
                    assertThat(a[1]).as("devices of %s", cell).isEqualTo(e[1]);
                    assertThat(a[2]).as("mean download of %s", cell).isCloseTo(e[2], within(1e-6));
                    assertThat(a[3])
                            .as("median download of %s", cell)
                            .isCloseTo(e[3], within(e[3] * 0.01));
                    assertThat(a[6])
                            .as("median latency of %s", cell)
                            .isCloseTo(e[6], within(e[6] * 0.01));
                    assertThat(a[5]).as("mean latency of %s", cell).isCloseTo(e[5], within(1e-6));
                    assertThat(a[7]).as("QCVN evaluated in %s", cell).isEqualTo(e[7]);
                    assertThat(a[8]).as("below QCVN in %s", cell).isEqualTo(e[8]);
                });
    }

    static Map<String, double[]> rows(String sql) throws Exception {
        return rows(DB.dataSource(), sql);
    }

    static Map<String, double[]> rows(DataSource ds, String sql) throws Exception {
        Map<String, double[]> out = new HashMap<>();
        try (Connection c = ds.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                double[] v = new double[n - 1];
                for (int i = 2; i <= n; i++) {
                    v[i - 2] = rs.getDouble(i);
                }
                out.put(rs.getString(1), v);
            }
        }
        return out;
    }

    private static long count(String sql) throws Exception {
        try (Connection c = DB.dataSource().getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static List<UUID> uuids(String sql) throws Exception {
        List<UUID> out = new ArrayList<>();
        try (Connection c = DB.dataSource().getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getObject(1, UUID.class));
            }
        }
        return out;
    }
}
