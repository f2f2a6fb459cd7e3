package vn.speedwatch.launcher;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Callable;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import vn.speedwatch.jobs.RebuildAggregates;
import vn.speedwatch.jobs.config.PipelineConfig;

/**
 * {@code speedwatch rebuild}: recomputes hour and day aggregates of a period from the raw rows
 * (after a threshold change, a fix or a restore), with the stream job's own operators.
 */
@Command(
        name = "rebuild",
        mixinStandardHelpOptions = true,
        description = {
            "Tính lại số liệu tổng hợp theo giờ/ngày của một khoảng thời gian từ dữ liệu gốc.",
            "Recomputes hourly and daily aggregates of a period from the raw rows."
        })
final class RebuildCommand implements Callable<Integer> {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    @Mixin CommonOptions options;

    @Option(
            names = "--from",
            required = true,
            paramLabel = "DATE",
            description = "Từ ngày (2026-10-01, giờ Việt Nam) hoặc thời điểm ISO / start")
    String from;

    @Option(
            names = "--to",
            required = true,
            paramLabel = "DATE",
            description = "Đến ngày, không tính ngày này (2026-11-01) / end, exclusive")
    String to;

    @Override
    public Integer call() throws Exception {
        Instant start = instant(from, "--from");
        Instant end = instant(to, "--to");
        if (!start.isBefore(end)) {
            throw new LauncherException("--from phải trước --to", "--from must be before --to");
        }
        LauncherConfig config = options.config();
        try (WarehouseSession session = WarehouseSession.open(config)) {
            PipelineConfig pipeline = PipelineConfig.from(session.settings(config));
            StreamExecutionEnvironment env =
                    StreamExecutionEnvironment.createLocalEnvironment(
                            FlinkJob.smallCluster(pipeline.parallelism()));
            int rows = new RebuildAggregates(pipeline).run(env, start, end);
            System.out.println(
                    "Đã tính lại từ "
                            + rows
                            + " kết quả đo gốc / rebuilt from "
                            + rows
                            + " raw rows ("
                            + start
                            + " .. "
                            + end
                            + ")");
        }
        return 0;
    }

    static Instant instant(String text, String option) {
        String t = text.trim();
        try {
            return t.length() == 10
                    ? LocalDate.parse(t).atStartOfDay(VIETNAM).toInstant()
                    : Instant.parse(t);
        } catch (DateTimeParseException e) {
            throw new LauncherException(
                    option
                            + " không hợp lệ: \""
                            + t
                            + "\" (cần 2026-10-01 hoặc "
                            + "2026-10-01T00:00:00Z)",
                    "invalid " + option + " \"" + t + "\"");
        }
    }
}
