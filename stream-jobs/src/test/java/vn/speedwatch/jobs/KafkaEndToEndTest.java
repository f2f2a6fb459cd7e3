package vn.speedwatch.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.speedwatch.jobs.testing.Fixtures.MONDAY_MORNING;
import static vn.speedwatch.jobs.testing.Fixtures.erasure;
import static vn.speedwatch.jobs.testing.Fixtures.measurement;
import static vn.speedwatch.jobs.testing.Fixtures.record;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import vn.speedwatch.jobs.config.PipelineConfig;
import vn.speedwatch.jobs.records.RawEvent;
import vn.speedwatch.jobs.sinks.PipelineSinks;
import vn.speedwatch.jobs.sources.KafkaEventSource;
import vn.speedwatch.jobs.testing.Fixtures;
import vn.speedwatch.kafka.EmbeddedKafkaBroker;
import vn.speedwatch.model.MeasurementEvent;
import vn.speedwatch.model.Operator;
import vn.speedwatch.warehouse.testing.PostgresDatabase;

/** From a real (in-process) Kafka broker through the job to PostgreSQL, as in production. */
class KafkaEndToEndTest {

    @RegisterExtension static final MiniClusterExtension FLINK = Fixtures.miniCluster();

    @RegisterExtension static final PostgresDatabase DB = new PostgresDatabase();

    static final String TOPIC = "speedwatch.measurements";

    @TempDir static Path kafkaDir;

    static EmbeddedKafkaBroker broker;

    @BeforeAll
    static void startBroker() {
        broker = EmbeddedKafkaBroker.start(kafkaDir, 0);
        broker.createTopic(TOPIC, 2);
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    @Test
    void recordsOnTheTopicEndUpAsRawRowsAggregatesAndDeadLetters() throws Exception {
        List<RawEvent> records = new ArrayList<>();
        List<MeasurementEvent> kept = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            MeasurementEvent e =
                    measurement(
                            UUID.randomUUID(),
                            Operator.VIETTEL,
                            "TDP-02",
                            10 + i,
                            MONDAY_MORNING.plusSeconds(30L * i),
                            "phone-" + i);
            records.add(record(e));
            kept.add(e);
        }
        records.add(records.get(5)); // the app retried a post
        MeasurementEvent erased = kept.remove(7);
        records.add(record(erasure(erased.id(), MONDAY_MORNING.plusSeconds(4000))));
        records.add(new RawEvent("garbage", "not json at all"));
        publish(records);

        PipelineConfig config =
                PipelineConfig.from(
                        DB.settings(),
                        Map.of(
                                "kafka.bootstrap-servers", broker.bootstrapServers(),
                                "kafka.group-id", "speedwatch-e2e",
                                "pipeline.parallelism", "2"));
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        QualityPipeline.configure(env, config);
        new QualityPipeline(
                        config,
                        new KafkaEventSource(
                                config.kafkaBootstrapServers(),
                                config.kafkaTopic(),
                                config.kafkaGroupId(),
                                true),
                        PipelineSinks.warehouse(config))
                .build(env)
                .execute("kafka end-to-end");

        assertThat(count("SELECT count(*) FROM measurements_raw")).isEqualTo(kept.size());
        assertThat(count("SELECT count(*) FROM measurements_raw WHERE id = '" + erased.id() + "'"))
                .isZero();
        assertThat(
                        count(
                                "SELECT count(*) FROM dead_letters WHERE record_key = 'garbage'"
                                        + " AND record_ref LIKE 'kafka:%/%/%'"))
                .isEqualTo(1);
        assertThat(
                        count(
                                "SELECT sample_count FROM quality_aggregates WHERE resolution ="
                                        + " 'day' AND tdp_code = 'TDP-02' AND operator = 'VIETTEL'"))
                .isEqualTo(kept.size());
        assertThat(
                        count(
                                "SELECT sum(sample_count) FROM quality_aggregates"
                                        + " WHERE resolution = 'hour'"))
                .isEqualTo(kept.size());
    }

    private static void publish(List<RawEvent> records) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
            for (RawEvent r : records) {
                producer.send(new ProducerRecord<>(TOPIC, r.key, r.payload));
            }
            producer.flush();
        }
    }

    private static long count(String sql) throws Exception {
        try (Connection c = DB.dataSource().getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
