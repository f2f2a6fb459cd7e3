package vn.speedwatch.jobs.functions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;
import vn.speedwatch.jobs.records.EnrichedMeasurement;
import vn.speedwatch.jobs.records.QualityAggregate;
import vn.speedwatch.warehouse.DeviceSketch;

class QualityAccumulatorTest {

    final AggregateQuality aggregation = new AggregateQuality(Buckets.DAY);

    @Test
    void medianIsWithinOnePercentOfTheExactMedian() {
        Random random = new Random(3);
        double[] values = new double[10_001];
        QualityAccumulator acc = aggregation.createAccumulator();
        for (int i = 0; i < values.length; i++) {
            values[i] = Math.exp(random.nextGaussian() * 1.5 + 4);
            acc = aggregation.add(sample("d" + (i % 50), values[i], i % 3 == 0), acc);
        }
        Arrays.sort(values);
        QualityAggregate q = aggregation.getResult(acc);
        assertThat(q.sampleCount).isEqualTo(values.length);
        assertThat(q.deviceCount).isEqualTo(50);
        assertThat(q.downloadMedian).isCloseTo(values[5000], within(values[5000] * 0.01));
        assertThat(q.downloadP10).isCloseTo(values[1000], within(values[1000] * 0.01));
        assertThat(q.downloadP90).isCloseTo(values[9000], within(values[9000] * 0.01));
        assertThat(q.belowQcvnCount).isEqualTo(values.length - (values.length / 3 + 1));
    }

    @Test
    void onlyDayWindowsBuildTheDeviceSketch() {
        AggregateQuality hourly = new AggregateQuality(Buckets.HOUR);
        QualityAccumulator acc = hourly.createAccumulator();
        acc = hourly.add(sample("a", 10, true), acc);
        acc = hourly.add(sample("b", 20, true), acc);

        assertThat(hourly.getResult(acc).deviceSketch).isNull();
        assertThat(hourly.getResult(acc).deviceCount).isEqualTo(2);
        assertThat(aggregation.getResult(acc).deviceSketch)
                .isEqualTo(DeviceSketch.of(List.of("a", "b")).toBytes());
    }

    @Test
    void anErasedSampleLeavesTheAggregateAsIfItHadNeverBeenAdded() {
        List<EnrichedMeasurement> kept =
                List.of(
                        sample("a", 10, true),
                        sample("b", 0.0, false),
                        sample("a", 55.5, true),
                        sample("c", 120, true));
        EnrichedMeasurement gone = sample("z", 999, false);
        EnrichedMeasurement goneZero = sample("y", 0.0, true);
        QualityAccumulator withErasure = aggregation.createAccumulator();
        for (EnrichedMeasurement m :
                List.of(kept.get(0), gone, kept.get(1), goneZero, kept.get(2), kept.get(3))) {
            withErasure = aggregation.add(m, withErasure);
        }
        withErasure = aggregation.add(erasure(gone), withErasure);
        withErasure = aggregation.add(erasure(goneZero), withErasure);
        QualityAccumulator without = aggregation.createAccumulator();
        for (EnrichedMeasurement m : kept) {
            without = aggregation.add(m, without);
        }
        QualityAggregate a = aggregation.getResult(withErasure);
        QualityAggregate b = aggregation.getResult(without);
        assertThat(a)
                .usingRecursiveComparison()
                .ignoringFields(
                        "downloadSketch",
                        "uploadSketch",
                        "latencySketch",
                        "downloadMean",
                        "uploadMean",
                        "latencyMean")
                .isEqualTo(b);
        assertThat(a.downloadMean).isCloseTo(b.downloadMean, within(1e-9));
        assertThat(a.deviceCount).isEqualTo(3);
    }

    @Test
    void erasingEverySampleLeavesAnEmptyCell() {
        EnrichedMeasurement m = sample("a", 10, true);
        QualityAccumulator acc = aggregation.add(m, aggregation.createAccumulator());
        acc = aggregation.add(erasure(m), acc);
        QualityAggregate q = aggregation.getResult(acc);
        assertThat(q.sampleCount).isZero();
        assertThat(q.deviceCount).isZero();
        assertThat(q.qcvnEvaluatedCount).isZero();
    }

    @Test
    void mergingPartialAccumulatorsEqualsAddingEverything() {
        List<EnrichedMeasurement> all = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            all.add(sample("d" + i % 7, i * 1.5, i % 2 == 0));
        }
        QualityAccumulator left = aggregation.createAccumulator();
        QualityAccumulator right = aggregation.createAccumulator();
        QualityAccumulator whole = aggregation.createAccumulator();
        for (int i = 0; i < all.size(); i++) {
            whole = aggregation.add(all.get(i), whole);
            if (i < 80) {
                left = aggregation.add(all.get(i), left);
            } else {
                right = aggregation.add(all.get(i), right);
            }
        }
        QualityAggregate merged = aggregation.getResult(aggregation.merge(left, right));
        QualityAggregate direct = aggregation.getResult(whole);
        assertThat(merged.downloadMedian).isEqualTo(direct.downloadMedian);
        assertThat(merged)
                .usingRecursiveComparison()
                .comparingOnlyFields(
                        "target2030EvaluatedCount",
                        "target2030PassCount",
                        "planGigabitCount",
                        "ipKnownCount",
                        "ipv6Count",
                        "deviceSketch")
                .isEqualTo(direct);
        assertThat(merged.ipv6Count).isPositive().isLessThan(merged.ipKnownCount);
        assertThat(merged.sampleCount).isEqualTo(200);
        assertThat(merged.deviceCount).isEqualTo(7);
    }

    @Test
    void survivesASnapshotAndRestoreUnchanged() throws Exception {
        QualityAccumulator acc = aggregation.createAccumulator();
        for (int i = 0; i < 500; i++) {
            acc = aggregation.add(sample("d" + i % 9, i * 0.7, i % 4 != 0), acc);
        }
        DataOutputSerializer out = new DataOutputSerializer(256);
        QualityAccumulatorSerializer.INSTANCE.serialize(acc, out);
        QualityAccumulator restored =
                QualityAccumulatorSerializer.INSTANCE.deserialize(
                        new DataInputDeserializer(out.getCopyOfBuffer()));
        assertThat(aggregation.getResult(restored))
                .usingRecursiveComparison()
                .isEqualTo(aggregation.getResult(acc));
        assertThat(aggregation.getResult(QualityAccumulatorSerializer.INSTANCE.copy(acc)))
                .usingRecursiveComparison()
                .isEqualTo(aggregation.getResult(acc));
    }

    @Test
    void countsTheTargetAndIpv6SamplesAndSubtractsErasures() {
        EnrichedMeasurement gigabitPass = fixed("a", 950, 1000.0, true, 6);
        EnrichedMeasurement gigabitFail = fixed("b", 400, 1000.0, false, 4);
        EnrichedMeasurement smallPlan = fixed("c", 250, 300.0, false, null);
        EnrichedMeasurement noPlan = fixed("d", 80, null, null, 6);
        QualityAccumulator acc = aggregation.createAccumulator();
        for (EnrichedMeasurement m : List.of(gigabitPass, gigabitFail, smallPlan, noPlan)) {
            acc = aggregation.add(m, acc);
        }
        QualityAggregate q = aggregation.getResult(acc);
        assertThat(
                        List.of(
                                q.target2030EvaluatedCount,
                                q.target2030PassCount,
                                q.planGigabitCount,
                                q.ipKnownCount,
                                q.ipv6Count))
                .containsExactly(3L, 1L, 2L, 3L, 2L);

        EnrichedMeasurement erased = fixed("a", 950, 1000.0, true, 6);
        erased.erasure = true;
        q = aggregation.getResult(aggregation.add(erased, acc));
        assertThat(
                        List.of(
                                q.target2030EvaluatedCount,
                                q.target2030PassCount,
                                q.planGigabitCount,
                                q.ipKnownCount,
                                q.ipv6Count))
                .containsExactly(2L, 0L, 1L, 2L, 1L);
        assertThat(q.deviceSketch)
                .as("the erased device leaves the distinct-device sketch")
                .isEqualTo(DeviceSketch.of(List.of("b", "c", "d")).toBytes());
    }

    @Test
    void restoresStateWrittenBeforeTheTargetCountsExisted() throws Exception {
        QualityAccumulator acc = aggregation.createAccumulator();
        for (int i = 0; i < 50; i++) {
            acc = aggregation.add(sample("d" + i % 5, i * 3.0, i % 2 == 0), acc);
        }
        DataOutputSerializer formatOne = new DataOutputSerializer(256);
        new QualityAccumulatorSerializer(1).serialize(acc, formatOne);
        // What a format-1 checkpoint holds: a SimpleTypeSerializerSnapshot (version 3, no payload).
        QualityAccumulatorSerializer.Snapshot old = new QualityAccumulatorSerializer.Snapshot();
        old.readSnapshot(3, new DataInputDeserializer(new byte[0]), getClass().getClassLoader());

        assertThat(
                        QualityAccumulatorSerializer.INSTANCE
                                .snapshotConfiguration()
                                .resolveSchemaCompatibility(old)
                                .isCompatibleAfterMigration())
                .isTrue();
        QualityAccumulator restored =
                old.restoreSerializer()
                        .deserialize(new DataInputDeserializer(formatOne.getCopyOfBuffer()));
        QualityAggregate expected = aggregation.getResult(acc);
        expected.target2030EvaluatedCount = 0;
        expected.target2030PassCount = 0;
        expected.planGigabitCount = 0;
        expected.ipKnownCount = 0;
        expected.ipv6Count = 0;
        assertThat(aggregation.getResult(restored)).usingRecursiveComparison().isEqualTo(expected);
        assertThat(
                        QualityAccumulatorSerializer.INSTANCE
                                .snapshotConfiguration()
                                .resolveSchemaCompatibility(
                                        QualityAccumulatorSerializer.INSTANCE
                                                .snapshotConfiguration())
                                .isCompatibleAsIs())
                .isTrue();
    }

    static EnrichedMeasurement fixed(
            String device, double down, Double plan, Boolean target, Integer ipVersion) {
        EnrichedMeasurement m = sample(device, down, true);
        m.accessType = "FIXED_FIBER";
        m.planDownloadMbps = plan;
        m.target2030Pass = target;
        m.ipVersion = ipVersion;
        return m;
    }

    static EnrichedMeasurement sample(String device, double down, boolean passes) {
        EnrichedMeasurement m = new EnrichedMeasurement();
        m.id = device + "-" + down;
        m.deviceHash = device;
        m.downloadMbps = down;
        m.uploadMbps = down / 4;
        m.latencyMs = 20 + down / 10;
        m.qcvnPass = passes;
        // Every fifth sample over IPv6, every third meets the 2030 target on a gigabit plan.
        int k = (int) down;
        m.ipVersion = k % 5 == 0 ? 6 : 4;
        m.planDownloadMbps = k % 3 == 0 ? 1000.0 : 300.0;
        m.target2030Pass = k % 3 == 0;
        return m;
    }

    static EnrichedMeasurement erasure(EnrichedMeasurement m) {
        EnrichedMeasurement e = sample(m.deviceHash, m.downloadMbps, m.qcvnPass);
        e.erasure = true;
        return e;
    }
}
