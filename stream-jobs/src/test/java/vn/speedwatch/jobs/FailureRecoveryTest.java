package vn.speedwatch.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.speedwatch.jobs.config.PipelineConfig;
import vn.speedwatch.jobs.sinks.PipelineSinks;
import vn.speedwatch.jobs.testing.BoundedSource;
import vn.speedwatch.jobs.testing.Dataset;
import vn.speedwatch.jobs.testing.FailOnceAfterCheckpoint;
import vn.speedwatch.jobs.testing.Fixtures;
import vn.speedwatch.warehouse.testing.PostgresDatabase;

/**
 * A failure in the middle of the stream, after a checkpoint, restarts the job from that checkpoint;
 * the replayed records are written again, and because every sink upserts, the final tables are the
 * same as after a run without failure.
 *
 * <p>The dataset has duplicates, invalid, late and too-late records and erasures. Too-late records
 * replayed right after the restore, before any watermark, would reopen windows purged before the
 * checkpoint; {@code SkipClosedWindows} keeps them out, or their partial results would overwrite
 * complete rows.
 */
class FailureRecoveryTest {

    @RegisterExtension static final MiniClusterExtension FLINK = Fixtures.miniCluster();

    @RegisterExtension static final PostgresDatabase WITHOUT_FAILURE = new PostgresDatabase();

    @RegisterExtension static final PostgresDatabase WITH_FAILURE = new PostgresDatabase();

    static final Dataset DATA = Dataset.generate(11, 800, Fixtures.MONDAY_LOCAL_MIDNIGHT);

    @Test
    void aRestartFromACheckpointLeavesTheSameTablesAsARunWithoutFailure() throws Exception {
        run(WITHOUT_FAILURE, false);
        run(WITH_FAILURE, true);

        assertThat(FailOnceAfterCheckpoint.FAILED).isTrue();
        assertThat(lines(WITH_FAILURE.dataSource(), "SELECT record_ref FROM dead_letters"))
                .as("each invalid record is one dead letter after the replay")
                .hasSize(DATA.invalid)
                .doesNotHaveDuplicates();
        for (String query : QUERIES) {
            List<String> withFailure = lines(WITH_FAILURE.dataSource(), query);
            List<String> without = lines(WITHOUT_FAILURE.dataSource(), query);
            List<String> onlyWith = new ArrayList<>(withFailure);
            onlyWith.removeAll(without);
            List<String> onlyWithout = new ArrayList<>(without);
            onlyWithout.removeAll(withFailure);
            assertThat(withFailure).as(query).isNotEmpty();
            assertThat(onlyWith).as("only after the failure: " + query).isEmpty();
            assertThat(onlyWithout).as("only without failure: " + query).isEmpty();
        }
    }

    static final List<String> QUERIES =
            List.of(
                    "SELECT id, measured_at, received_at, download_mbps, upload_mbps, latency_ms,"
                            + " operator, access_type, tdp_code, device_hash, qcvn_pass FROM"
                            + " measurements_raw",
                    "SELECT resolution, bucket_start, tdp_code, operator, access_type,"
                            + " sample_count, device_count, round(download_mean::numeric, 6),"
                            + " download_median, download_p10, download_p90,"
                            + " round(latency_mean::numeric, 6), latency_median, upload_median,"
                            + " qcvn_evaluated_count, below_qcvn_count FROM quality_aggregates",
                    // No DISTINCT: a replayed bad record must not be stored twice.
                    "SELECT record_key, reason, record_ref FROM dead_letters",
                    "SELECT id FROM erasures");

    private static void run(PostgresDatabase db, boolean fail) throws Exception {
        PipelineConfig config =
                PipelineConfig.from(
                        db.settings(),
                        Map.of(
                                "pipeline.parallelism", "2",
                                "pipeline.allowed-lateness", "1h",
                                "pipeline.checkpoint-interval", "300ms"));
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        QualityPipeline.configure(env, config);
        if (fail) {
            FailOnceAfterCheckpoint.arm();
        }
        new QualityPipeline(
                        config,
                        new BoundedSource(
                                DATA.records,
                                DATA.pauseBefore,
                                DATA.storedBeforePause(db.settings()),
                                1500,
                                new FailOnceAfterCheckpoint(DATA.records.size() / 3)),
                        PipelineSinks.warehouse(config))
                .build(env)
                .execute(fail ? "with failure" : "without failure");
    }

    private static List<String> lines(DataSource ds, String query) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = ds.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(query)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder line = new StringBuilder();
                for (int i = 1; i <= n; i++) {
                    line.append(rs.getString(i)).append('|');
                }
                out.add(line.toString());
            }
        }
        out.sort(null);
        return out;
    }
}
