package vn.speedwatch.jobs.sources;

import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import vn.speedwatch.jobs.records.RawEvent;

/**
 * Where the pipeline's topic records come from: the Kafka topic in production, a bounded collection
 * or generator in tests and benchmarks. Adds its source operator(s) to the environment.
 */
@FunctionalInterface
public interface EventSource {
    DataStream<RawEvent> attach(StreamExecutionEnvironment env);
}
