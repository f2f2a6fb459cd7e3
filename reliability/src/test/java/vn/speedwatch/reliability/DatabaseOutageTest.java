package vn.speedwatch.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import vn.speedwatch.collector.Collector;
import vn.speedwatch.jobs.QualityPipeline;
import vn.speedwatch.jobs.config.PipelineConfig;
import vn.speedwatch.kafka.EmbeddedKafkaBroker;
import vn.speedwatch.warehouse.Warehouse;
import vn.speedwatch.warehouse.WarehouseConfig;

/**
 * The warehouse's PostgreSQL server is stopped for a while under a running job and a collector that
 * keeps accepting: the job retries or restarts, catches up, and loses nothing.
 */
class DatabaseOutageTest {

    @RegisterExtension static final MiniClusterExtension FLINK = Fixtures.miniCluster();

    @TempDir Path kafkaDir;

    @Test
    void tenSecondsWithoutTheDatabaseLoseNothing() throws Exception {
        run(Results.size("reliability.db.down-seconds", 10), 40);
    }

    @Test
    @Tag("soak")
    void soakDatabaseOutage() throws Exception {
        run(
                Results.size("reliability.soak.db.down-seconds", 30),
                Results.size("reliability.soak.db.per-resident", 2_000));
    }

    private void run(int downSeconds, int perResident) throws Exception {
        Vertx vertx = Vertx.vertx();
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(kafkaDir, 0);
        broker.createTopic(Fixtures.TOPIC, 2);
        try (PgCluster pg = PgCluster.create();
                HikariDataSource ds =
                        Warehouse.open(
                                new WarehouseConfig(pg.url("speedwatch"), "postgres", "", 2))) {
            Warehouse.migrate(ds);
            Collector collector =
                    BadInputFloodTest.join(
                            Collector.start(
                                    vertx, Fixtures.config(broker.bootstrapServers(), Map.of())));
            JobClient job = startJob(pg, broker.bootstrapServers());
            RetryingResidents load = new RetryingResidents(new Client(collector.port()), 2);
            load.start(2, perResident, 150);
            BrokerRestartTest.waitFor(() -> rows(ds) > 0);
            pg.stop();
            load.outage(true);
            Thread.sleep(downSeconds * 1000L);
            load.outage(false);
            pg.start();
            assertThat(load.await(240)).as("all residents finished").isTrue();
            long caughtUp = System.nanoTime();
            BrokerRestartTest.waitFor(() -> rows(ds) >= load.accepted.size());
            long catchUpMillis = (System.nanoTime() - caughtUp) / 1_000_000;
            job.cancel().get();
            BadInputFloodTest.join(collector.close());
            Map<UUID, Long> inWarehouse = BrokerRestartTest.warehouseCounts(ds);
            Results.record(
                    "warehouse PostgreSQL stopped " + downSeconds + " s under a running" + " job",
                    load.total()
                            + " ids posted, "
                            + load.accepted.size()
                            + " got 202; collector answers while the database was down "
                            + load.duringOutage
                            + "; caught up "
                            + catchUpMillis
                            + " ms after the"
                            + " last post; warehouse rows "
                            + inWarehouse.values().stream().mapToLong(Long::longValue).sum());

            assertThat(load.duringOutage)
                    .as("collector answers while the database was down")
                    .containsKey(202)
                    .allSatisfy((status, n) -> assertThat(status).isEqualTo(202));
            assertThat(load.accepted)
                    .as("accepted ids in the warehouse exactly once")
                    .allMatch(id -> inWarehouse.getOrDefault(id, 0L) == 1L);
        } finally {
            broker.close();
            BadInputFloodTest.join(vertx.close());
        }
    }

    private static JobClient startJob(PgCluster pg, String bootstrap) throws Exception {
        PipelineConfig config =
                PipelineConfig.from(
                        pg.settings(),
                        Map.of(
                                "kafka.bootstrap-servers", bootstrap,
                                "kafka.topic", Fixtures.TOPIC,
                                "kafka.group-id", "db-outage",
                                "pipeline.parallelism", "2",
                                "pipeline.checkpoint-interval", "1s",
                                "pipeline.idleness", "1s"));
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        QualityPipeline.configure(env, config);
        return QualityPipeline.forKafka(config).build(env).executeAsync("db outage");
    }

    private static long rows(javax.sql.DataSource ds) {
        try (var c = ds.getConnection();
                var st = c.createStatement();
                var rs = st.executeQuery("SELECT count(DISTINCT id) FROM measurements_raw")) {
            rs.next();
            return rs.getLong(1);
        } catch (java.sql.SQLException down) {
            return -1;
        }
    }
}
