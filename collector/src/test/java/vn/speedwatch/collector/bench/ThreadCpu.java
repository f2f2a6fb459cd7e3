package vn.speedwatch.collector.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * CPU time of the JVM's Java threads over a window, split into the load generator and the rest and,
 * within the rest, the server side: the HTTP event loops, the collector's {@code kafka-send} thread
 * and the producer's I/O thread. JIT compiler and GC threads are not Java threads and are left out:
 * a short run under load would otherwise drown the steady-state cost in compilation. Unlike wall
 * time, CPU time per measurement hardly moves when other processes take the cores, so it compares
 * runs made under different loads.
 */
final class ThreadCpu {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final Map<Long, Long> start = snapshot();

    /** CPU nanoseconds since construction: [all Java threads, server-side threads]. */
    long[] since(Set<Long> loadGenerator) {
        long all = 0;
        long server = 0;
        for (Map.Entry<Long, Long> e : snapshot().entrySet()) {
            long used = e.getValue() - start.getOrDefault(e.getKey(), 0L);
            all += used;
            if (!loadGenerator.contains(e.getKey()) && isServerSide(e.getKey())) {
                server += used;
            }
        }
        return new long[] {all, server};
    }

    private static boolean isServerSide(long id) {
        ThreadInfo info = THREADS.getThreadInfo(id);
        if (info == null) {
            return false;
        }
        String name = info.getThreadName();
        return name.startsWith("vert.x-eventloop-thread")
                || name.equals("kafka-send")
                || name.startsWith("kafka-producer-network-thread");
    }

    private static Map<Long, Long> snapshot() {
        Map<Long, Long> cpu = new HashMap<>();
        for (long id : THREADS.getAllThreadIds()) {
            long nanos = THREADS.getThreadCpuTime(id);
            if (nanos >= 0) {
                cpu.put(id, nanos);
            }
        }
        return cpu;
    }
}
