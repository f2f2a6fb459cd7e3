package vn.speedwatch.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import vn.speedwatch.kafka.EmbeddedKafkaBroker;
import vn.speedwatch.warehouse.testing.PostgresDatabase;

/**
 * The collector process is SIGKILLed mid-load and started again on the same port; residents retry
 * the same ids. Every id that got a 202 is in the warehouse exactly once, and ids whose request got
 * no answer are there at most once.
 */
class CollectorKillTest {

    @RegisterExtension static final MiniClusterExtension FLINK = Fixtures.miniCluster();

    @RegisterExtension static final PostgresDatabase DB = new PostgresDatabase();

    @TempDir Path kafkaDir;

    @Test
    void killedCollectorLosesNoAcceptedResultAndDuplicatesNone() throws Exception {
        run(4, Results.size("reliability.kill.per-resident", 40), 1);
    }

    @Test
    @Tag("soak")
    void soakCollectorKills() throws Exception {
        run(
                8,
                Results.size("reliability.soak.kill.per-resident", 2_000),
                Results.size("reliability.soak.kill.kills", 5));
    }

    private void run(int residents, int perResident, int kills) throws Exception {
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(kafkaDir, 0);
        broker.createTopic(Fixtures.TOPIC, 2);
        Map<String, String> settings = Fixtures.settings(broker.bootstrapServers(), Map.of());
        settings.remove("http.port");
        int port = CollectorProcess.freePort();
        Path log = Path.of("target", "collector-child.log").toAbsolutePath();
        CollectorProcess collector = null;
        try {
            collector = CollectorProcess.start(settings, port, log);
            RetryingResidents load = new RetryingResidents(new Client(port), residents);
            load.start(residents, perResident, 30);
            int total = residents * perResident;
            for (int k = 1; k <= kills; k++) {
                int target = total * k / (kills + 1);
                BrokerRestartTest.waitFor(() -> load.accepted.size() >= target);
                collector.kill();
                Thread.sleep(1000);
                collector = CollectorProcess.start(settings, port, log);
            }
            assertThat(load.await(240)).as("all residents finished").isTrue();
            collector.kill();

            Pipeline.drain(DB.settings(), broker.bootstrapServers(), "collector-kill");
            Map<UUID, Long> inWarehouse = BrokerRestartTest.warehouseCounts(DB.dataSource());
            List<UUID> unanswered =
                    load.answers.entrySet().stream()
                            .filter(e -> e.getValue().contains(Client.NO_ANSWER))
                            .map(Map.Entry::getKey)
                            .toList();
            Results.record(
                    "collector SIGKILLed ×" + kills + " mid-load",
                    load.total()
                            + " ids by "
                            + residents
                            + " retrying residents, "
                            + load.accepted.size()
                            + " got 202, "
                            + unanswered.size()
                            + " saw no answer at least once; warehouse rows for accepted ids "
                            + load.accepted.stream()
                                    .mapToLong(id -> inWarehouse.getOrDefault(id, 0L))
                                    .sum());

            assertThat(load.accepted).hasSize(total);
            assertThat(load.accepted)
                    .as("accepted ids in the warehouse exactly once")
                    .allMatch(id -> inWarehouse.getOrDefault(id, 0L) == 1L);
            assertThat(unanswered)
                    .as("unanswered ids at most once")
                    .allMatch(id -> inWarehouse.getOrDefault(id, 0L) <= 1L);
        } finally {
            if (collector != null) {
                collector.kill();
            }
            broker.close();
        }
    }
}
