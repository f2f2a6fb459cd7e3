package vn.speedwatch.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import vn.speedwatch.collector.Collector;
import vn.speedwatch.collector.protect.ClientHasher;
import vn.speedwatch.kafka.EmbeddedKafkaBroker;
import vn.speedwatch.warehouse.testing.PostgresDatabase;

/**
 * Residents behind a trusted proxy post through the whole path (collector → Kafka → Flink →
 * PostgreSQL); afterwards their addresses are nowhere — not in any table, not in any topic record,
 * not in the logs — and the keyed hash is stored in their place.
 */
class NoRawIpTest {

    @RegisterExtension static final MiniClusterExtension FLINK = Fixtures.miniCluster();

    @RegisterExtension static final PostgresDatabase DB = new PostgresDatabase();

    private static final List<String> ADDRESSES =
            List.of("203.0.113.57", "203.0.113.58", "198.51.100.23", "2001:db8::57");

    @TempDir Path kafkaDir;

    @Test
    void noRawAddressInDatabaseTopicOrLogs() throws Exception {
        run(Results.size("reliability.noip.posts", 400));
    }

    @Test
    @Tag("soak")
    void soakNoRawAddress() throws Exception {
        run(Results.size("reliability.soak.noip.posts", 20_000));
    }

    private void run(int posts) throws Exception {
        Vertx vertx = Vertx.vertx();
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(kafkaDir, 0);
        broker.createTopic(Fixtures.TOPIC, 2);
        try {
            Collector collector =
                    BadInputFloodTest.join(
                            Collector.start(
                                    vertx, Fixtures.config(broker.bootstrapServers(), Map.of())));
            int accepted = post(new Client(collector.port()), posts);
            BadInputFloodTest.join(collector.close());
            Pipeline.drain(DB.settings(), broker.bootstrapServers(), "noip");

            List<Topic.Raw> records = new Topic(broker.bootstrapServers()).all();
            String hash =
                    new ClientHasher(
                                    Fixtures.IP_SECRET.getBytes(StandardCharsets.UTF_8),
                                    Optional.empty())
                            .hash(ADDRESSES.get(0));
            String log = Files.readString(logFile(), StandardCharsets.UTF_8);
            Results.record(
                    "no raw IP",
                    posts
                            + " posts via X-Forwarded-For "
                            + ADDRESSES
                            + ", "
                            + accepted
                            + " accepted, "
                            + records.size()
                            + " topic records, "
                            + count("SELECT count(*) FROM measurements_raw")
                            + " raw rows, "
                            + log.length()
                            + " log chars scanned; address hits: 0 expected");

            assertThat(accepted).isEqualTo(posts);
            for (String address : ADDRESSES) {
                assertThat(tablesContaining(address)).as("tables holding " + address).isEmpty();
                assertThat(records)
                        .as("topic records holding " + address)
                        .noneMatch(
                                r ->
                                        new String(r.value(), StandardCharsets.UTF_8)
                                                        .contains(address)
                                                || r.keyText().contains(address));
                assertThat(log).as("log lines holding " + address).doesNotContain(address);
            }
            assertThat(records)
                    .as("records carrying the keyed hash")
                    .anyMatch(r -> new String(r.value(), StandardCharsets.UTF_8).contains(hash));
            assertThat(
                            count(
                                    "SELECT count(*) FROM measurements_raw WHERE device_hash = '"
                                            + hash
                                            + "'"))
                    .as("raw rows with the keyed hash")
                    .isPositive();
        } finally {
            broker.close();
            BadInputFloodTest.join(vertx.close());
        }
    }

    private static int post(Client client, int posts) {
        int accepted = 0;
        for (int i = 0; i < posts; i++) {
            String address = ADDRESSES.get(i % ADDRESSES.size());
            HttpResponse<String> r =
                    client.post(
                            Fixtures.measurement(20 + i % 80).toString(),
                            Map.of("X-Forwarded-For", address));
            accepted += r != null && r.statusCode() == 202 ? 1 : 0;
        }
        return accepted;
    }

    /** Every base table whose rows, as text (all columns, jsonb included), hold {@code s}. */
    private static List<String> tablesContaining(String s) throws Exception {
        List<String> hits = new ArrayList<>();
        for (String table : tables()) {
            if (count("SELECT count(*) FROM " + table + " t WHERE t::text LIKE '%" + s + "%'")
                    > 0) {
                hits.add(table);
            }
        }
        return hits;
    }

    private static List<String> tables() throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = DB.dataSource().getConnection();
                Statement st = c.createStatement();
                ResultSet rs =
                        st.executeQuery(
                                "SELECT quote_ident(table_schema) || '.' ||"
                                        + " quote_ident(table_name) FROM information_schema.tables"
                                        + " WHERE table_type = 'BASE TABLE' AND table_schema NOT IN"
                                        + " ('pg_catalog', 'information_schema')")) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        assertThat(out).as("tables scanned").contains("public.measurements_raw");
        return out;
    }

    private static long count(String sql) throws Exception {
        return count(DB.dataSource(), sql);
    }

    /** The single number {@code sql} returns. */
    static long count(javax.sql.DataSource ds, String sql) throws Exception {
        try (Connection c = ds.getConnection();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static Path logFile() {
        return Path.of(System.getProperty("speedwatch.log.file", "target/reliability.log"));
    }
}
