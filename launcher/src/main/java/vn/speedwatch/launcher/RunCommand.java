package vn.speedwatch.launcher;

import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code speedwatch run}: the whole system in this JVM, with state in the data directory. */
@Command(
        name = "run",
        mixinStandardHelpOptions = true,
        description = {
            "Chạy toàn bộ hệ thống trên máy này (Kafka, Flink, bộ thu, PostgreSQL).",
            "Runs the whole system on this machine (Kafka, Flink, collector, PostgreSQL)."
        })
final class RunCommand implements Callable<Integer> {

    @Mixin CommonOptions options;

    @Override
    public Integer call() {
        return Serving.serve(options.config(Map.of()), System.out, r -> {}, () -> {});
    }
}
