package vn.speedwatch.jobs.functions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

import vn.speedwatch.jobs.records.EnrichedMeasurement;
import vn.speedwatch.jobs.records.QualityAggregate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

class QualityAccumulatorTest {

    final AggregateQuality aggregation = new AggregateQuality();

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

    static EnrichedMeasurement sample(String device, double down, boolean passes) {
        EnrichedMeasurement m = new EnrichedMeasurement();
        m.id = device + "-" + down;
        m.deviceHash = device;
        m.downloadMbps = down;
        m.uploadMbps = down / 4;
        m.latencyMs = 20 + down / 10;
        m.qcvnPass = passes;
        return m;
    }

    static EnrichedMeasurement erasure(EnrichedMeasurement m) {
        EnrichedMeasurement e = sample(m.deviceHash, m.downloadMbps, m.qcvnPass);
        e.erasure = true;
        return e;
    }
}
