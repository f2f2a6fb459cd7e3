package vn.speedwatch.jobs;

import java.nio.file.Path;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import vn.speedwatch.jobs.config.PipelineConfig;
import vn.speedwatch.model.Settings;

/**
 * Entry point of the job jar on a Flink cluster: reads the settings (an optional properties file as
 * the first argument, then {@code SPEEDWATCH_*} environment variables) and runs the pipeline on the
 * Kafka topic and the warehouse.
 */
public final class QualityJob {

    private QualityJob() {}

    public static void main(String[] args) throws Exception {
        Settings settings = Settings.load(args.length > 0 ? Path.of(args[0]) : null);
        PipelineConfig config = PipelineConfig.from(settings);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        QualityPipeline.configure(env, config);
        QualityPipeline.forKafka(config).build(env).execute(QualityPipeline.JOB_NAME);
    }
}
