package vn.speedwatch.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import vn.speedwatch.collector.Collector;
import vn.speedwatch.kafka.EmbeddedKafkaBroker;
import vn.speedwatch.warehouse.testing.PostgresDatabase;

/**
 * The Kafka broker is closed and restarted on the same directory and port while residents keep
 * posting with retries: the collector answers 503 (never 202) while it is down, recovers by itself,
 * and every accepted id reaches the topic and the warehouse exactly once.
 */
class BrokerRestartTest {

    @RegisterExtension static final MiniClusterExtension FLINK = Fixtures.miniCluster();

    @RegisterExtension static final PostgresDatabase DB = new PostgresDatabase();

    @TempDir Path kafkaDir;

    @Test
    void brokerRestartMidLoadLosesNothingAndDuplicatesNothing() throws Exception {
        run(4, Results.size("reliability.broker.per-resident", 40), 5);
    }

    @Test
    @Tag("soak")
    void soakBrokerRestart() throws Exception {
        run(
                8,
                Results.size("reliability.soak.broker.per-resident", 2_000),
                Results.size("reliability.soak.broker.down-seconds", 30));
    }

    private void run(int residents, int perResident, int downSeconds) throws Exception {
        Vertx vertx = Vertx.vertx();
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(kafkaDir, 0);
        broker.createTopic(Fixtures.TOPIC, 2);
        String bootstrap = broker.bootstrapServers();
        int kafkaPort = Integer.parseInt(bootstrap.substring(bootstrap.lastIndexOf(':') + 1));
        Collector collector =
                BadInputFloodTest.join(
                        Collector.start(
                                vertx,
                                Fixtures.config(bootstrap, Map.of("kafka.send-timeout", "2s"))));
        try {
            RetryingResidents load = new RetryingResidents(new Client(collector.port()), residents);
            load.start(residents, perResident, 50);
            waitFor(() -> load.accepted.size() >= residents * perResident / 4);
            broker.close();
            // Only requests sent after close() returned count: until then the broker is up.
            load.outage(true);
            Thread.sleep(downSeconds * 1000L);
            load.outage(false);
            broker = EmbeddedKafkaBroker.start(kafkaDir, kafkaPort);
            assertThat(load.await(240)).as("all residents finished").isTrue();
            BadInputFloodTest.join(collector.close());

            Map<String, Long> onTopic =
                    new Topic(bootstrap)
                            .all().stream()
                                    .collect(
                                            Collectors.groupingBy(
                                                    Topic.Raw::keyText, Collectors.counting()));
            Pipeline.drain(DB.settings(), bootstrap, "broker-restart");
            Map<UUID, Long> inWarehouse = warehouseCounts();
            Results.record(
                    "Kafka broker stopped " + downSeconds + " s mid-load",
                    load.total()
                            + " ids by "
                            + residents
                            + " retrying residents, "
                            + load.accepted.size()
                            + " got 202; answers while down "
                            + load.duringOutage
                            + "; "
                            + onTopic.values().stream().mapToLong(Long::longValue).sum()
                            + " topic records; warehouse rows for accepted ids "
                            + load.accepted.stream()
                                    .mapToLong(id -> inWarehouse.getOrDefault(id, 0L))
                                    .sum());

            assertThat(load.duringOutage)
                    .as(
                            "answers while the broker was down: 503 only,"
                                    + " never 202 nor a client error (-1: no answer)")
                    .containsKey(503)
                    .allSatisfy((status, count) -> assertThat(status).isIn(503, Client.NO_ANSWER));
            assertThat(load.accepted)
                    .as("every id accepted in the end")
                    .hasSize(residents * perResident);
            Set<String> keys = onTopic.keySet();
            assertThat(load.accepted).allMatch(id -> keys.contains(id.toString()));
            assertThat(load.accepted)
                    .as("accepted ids in the warehouse exactly once")
                    .allMatch(id -> inWarehouse.getOrDefault(id, 0L) == 1L);
        } finally {
            broker.close();
            BadInputFloodTest.join(vertx.close());
        }
    }

    static Map<UUID, Long> warehouseCounts() throws Exception {
        return warehouseCounts(DB.dataSource());
    }

    static Map<UUID, Long> warehouseCounts(javax.sql.DataSource ds) throws Exception {
        Map<UUID, Long> out = new HashMap<>();
        try (Connection c = ds.getConnection();
                Statement st = c.createStatement();
                ResultSet rs =
                        st.executeQuery("SELECT id, count(*) FROM measurements_raw GROUP BY id")) {
            while (rs.next()) {
                out.put(rs.getObject(1, UUID.class), rs.getLong(2));
            }
        }
        return out;
    }

    static void waitFor(java.util.function.BooleanSupplier condition) throws Exception {
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited too long").isLessThan(deadline);
            Thread.sleep(100);
        }
    }
}
