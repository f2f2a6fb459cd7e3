package vn.speedwatch.jobs.functions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.datadoghq.sketch.ddsketch.DDSketch;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.speedwatch.jobs.records.AlertEvent;
import vn.speedwatch.jobs.records.AlertEvent.Action;
import vn.speedwatch.jobs.records.AlertEvent.Kind;
import vn.speedwatch.jobs.records.QualityAggregate;
import vn.speedwatch.jobs.testing.Fixtures;
import vn.speedwatch.model.QualitySketch;

class AlertStageTest {

    @RegisterExtension static final MiniClusterExtension FLINK = Fixtures.miniCluster();

    /** Midnight of 1 March 2026 in Thủy Nguyên. */
    private static final Instant BASELINE_DAY = Instant.parse("2026-02-28T17:00:00Z");

    private static final Instant OUTAGE = BASELINE_DAY.plus(Duration.ofDays(3));

    @Test
    void aSlowTdpOpensOneAlertAndAreasOutsideEveryTdpNone() throws Exception {
        List<QualityAggregate> hours = new ArrayList<>();
        for (String area : List.of("TDP-07", AlertStage.OUTSIDE)) {
            hours.add(hour(area, BASELINE_DAY.plus(Duration.ofHours(20)), 30, 100.0, true));
            hours.add(hour(area, BASELINE_DAY.plus(Duration.ofHours(44)), 30, 100.0, true));
            hours.add(hour(area, OUTAGE, 30, 20.0, false)); // an early firing first
            hours.add(hour(area, OUTAGE, 30, 30.0, true));
            hours.add(hour(area, OUTAGE.plus(Duration.ofHours(1)), 30, 30.0, true));
        }
        hours.sort(Comparator.comparingLong(h -> h.bucketStartMillis));

        List<AlertEvent> alerts = run(hours);

        // The bounded input ends with an infinite watermark: the quiet key is forgotten and its
        // alert closed for lack of data, 29 days after its last hour.
        assertThat(alerts)
                .extracting(a -> a.tdpCode, a -> a.kind, a -> a.action, AlertEvent::at)
                .containsExactly(
                        tuple(
                                "TDP-07",
                                Kind.MEDIAN_DROP,
                                Action.OPEN,
                                OUTAGE.plus(Duration.ofHours(2))),
                        tuple(
                                "TDP-07",
                                Kind.MEDIAN_DROP,
                                Action.CLOSE,
                                OUTAGE.plus(Duration.ofHours(2 + 29 * 24))));
    }

    private static List<AlertEvent> run(List<QualityAggregate> hours) throws Exception {
        Configuration conf = new Configuration();
        conf.set(PipelineOptions.GENERIC_TYPES, false);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        env.setParallelism(2);
        DataStream<QualityAggregate> hourly =
                env.fromData(QualityAggregate.class, hours.toArray(new QualityAggregate[0]))
                        .assignTimestampsAndWatermarks(
                                WatermarkStrategy.<QualityAggregate>forMonotonousTimestamps()
                                        .withTimestampAssigner(
                                                (h, previous) -> h.bucketStartMillis + 3_599_999));
        return AlertStage.attach(hourly, AlertRules.defaults())
                .executeAndCollect("alert stage test", 100);
    }

    private static QualityAggregate hour(
            String area, Instant start, int samples, double downloadMbps, boolean isFinal) {
        DDSketch sketch = QualitySketch.create();
        for (int i = 0; i < samples; i++) {
            QualitySketch.add(sketch, downloadMbps);
        }
        QualityAggregate h = new QualityAggregate();
        h.resolution = "hour";
        h.bucketStartMillis = start.toEpochMilli();
        h.tdpCode = area;
        h.operator = "VNPT";
        h.accessType = "MOBILE_4G";
        h.sampleCount = samples;
        h.deviceCount = samples;
        h.downloadMedian = downloadMbps;
        h.downloadSketch = QualitySketch.toBytes(sketch);
        h.finalResult = isFinal;
        return h;
    }
}
