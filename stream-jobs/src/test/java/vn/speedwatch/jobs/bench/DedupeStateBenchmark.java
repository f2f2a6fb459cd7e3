package vn.speedwatch.jobs.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.time.Duration;
import java.util.UUID;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.runtime.state.storage.FileSystemCheckpointStorage;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import vn.speedwatch.jobs.functions.DeduplicateMeasurements;
import vn.speedwatch.jobs.records.ParsedEvent;

/**
 * What one remembered id costs the de-duplication stage, alone in one thread (so the machine's load
 * hardly moves it): CPU per new id, heap per id, and CPU and bytes per id of a full checkpoint of
 * the heap backend. Not a test: {@code java -cp … vn.speedwatch.jobs.bench.DedupeStateBenchmark
 * [ids]}.
 */
public final class DedupeStateBenchmark {

    private DedupeStateBenchmark() {}

    public static void main(String[] args) throws Exception {
        int ids = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        var harness =
                new KeyedOneInputStreamOperatorTestHarness<
                        Tuple2<Long, Long>, ParsedEvent, ParsedEvent>(
                        new KeyedProcessOperator<>(new DeduplicateMeasurements(Duration.ofDays(7))),
                        DeduplicateMeasurements.key(),
                        DeduplicateMeasurements.KEY_TYPE);
        // Checkpoints to files, as the job's: the in-memory storage refuses a few megabytes.
        harness.setCheckpointStorage(
                new FileSystemCheckpointStorage(
                        Files.createTempDirectory("sw-bench-dedupe").toUri()));
        harness.open();
        long heapBefore = usedHeap();
        long t0 = cpu.getCurrentThreadCpuTime();
        for (int i = 0; i < ids; i++) {
            harness.processElement(new StreamRecord<>(measurement(i), i));
            if (i % 100_000 == 0) {
                harness.getOutput().clear();
            }
        }
        harness.getOutput().clear();
        long processNanos = cpu.getCurrentThreadCpuTime() - t0;
        long heapPerId = (usedHeap() - heapBefore) / ids;
        long snapshotNanos = Long.MAX_VALUE;
        long bytes = 0;
        for (int k = 1; k <= 3; k++) { // the best of three: the first one also warms up
            long s0 = cpu.getCurrentThreadCpuTime();
            OperatorSubtaskState state = harness.snapshot(k, k);
            snapshotNanos = Math.min(snapshotNanos, cpu.getCurrentThreadCpuTime() - s0);
            bytes = state.getStateSize();
            state.discardState();
        }
        harness.close();
        System.out.printf(
                "| %,d ids | %.2f µs CPU per new id | %,d bytes heap per id | checkpoint: %.0f ms"
                        + " CPU, %.0f ns per id, %,d bytes per id |%n",
                ids,
                processNanos / 1000.0 / ids,
                heapPerId,
                snapshotNanos / 1e6,
                (double) snapshotNanos / ids,
                bytes / ids);
    }

    static ParsedEvent measurement(int i) {
        ParsedEvent m = new ParsedEvent();
        m.type = ParsedEvent.MEASUREMENT;
        m.id = new UUID(0x5eed_0000_0000_0000L, i).toString();
        m.measuredAtMillis = 1_793_000_000_000L + i * 20L;
        m.receivedAtMillis = m.measuredAtMillis + 5_000;
        m.downloadMbps = 50 + i % 400;
        m.uploadMbps = m.downloadMbps / 3;
        m.latencyMs = 10 + i % 80;
        m.operatorRaw = "VNPT VinaPhone";
        m.accessType = i % 2 == 0 ? "MOBILE_4G" : "FIXED_FIBER";
        if (i % 2 == 0) {
            m.latitude = 20.91 + (i % 1000) / 50_000.0;
            m.longitude = 106.64 + (i % 997) / 12_500.0;
        } else {
            m.chosenTdpCode = "TDP-0" + (1 + i % 9);
        }
        m.client = "web";
        m.deviceHash = "dev-" + (i % 5000);
        return m;
    }

    private static long usedHeap() throws InterruptedException {
        for (int k = 0; k < 3; k++) {
            System.gc();
            Thread.sleep(100);
        }
        Runtime r = Runtime.getRuntime();
        return r.totalMemory() - r.freeMemory();
    }
}
