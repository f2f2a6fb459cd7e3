package vn.speedwatch.reliability;

import java.util.Map;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import vn.speedwatch.jobs.QualityPipeline;
import vn.speedwatch.jobs.config.PipelineConfig;
import vn.speedwatch.jobs.sinks.PipelineSinks;
import vn.speedwatch.jobs.sources.KafkaEventSource;
import vn.speedwatch.model.Settings;

/**
 * Runs the real quality pipeline over what is on the topic now (bounded Kafka source) into a
 * warehouse, on the MiniCluster the calling test registered.
 */
final class Pipeline {

    private Pipeline() {}

    /** Drains the topic into the database of {@code db}; returns when the job has finished. */
    static void drain(Settings db, String bootstrap, String groupId) throws Exception {
        PipelineConfig config =
                PipelineConfig.from(
                        db,
                        Map.of(
                                "kafka.bootstrap-servers",
                                bootstrap,
                                "kafka.topic",
                                Fixtures.TOPIC,
                                "kafka.group-id",
                                groupId,
                                "pipeline.parallelism",
                                "2",
                                "pipeline.checkpoint-interval",
                                "1s"));
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
                .execute("reliability " + groupId);
    }
}
