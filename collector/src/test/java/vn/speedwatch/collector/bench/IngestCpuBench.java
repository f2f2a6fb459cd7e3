package vn.speedwatch.collector.bench;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.buffer.Buffer;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import vn.speedwatch.collector.http.ItemsReply;
import vn.speedwatch.collector.ingest.BodyItem;
import vn.speedwatch.collector.ingest.BodyReader;
import vn.speedwatch.collector.ingest.ItemResult;
import vn.speedwatch.collector.ingest.MeasurementIngest;
import vn.speedwatch.collector.protect.ReceiptCodec;
import vn.speedwatch.model.Json;
import vn.speedwatch.model.MeasurementEvent;
import vn.speedwatch.model.MeasurementEventWriter;
import vn.speedwatch.model.MeasurementParser;
import vn.speedwatch.model.ValidationLimits;

/**
 * CPU time per measurement of each stage the collector runs for a batch of 100, on one thread,
 * after a warm-up: robust to a busy machine where the HTTP bench's rates mean little. The
 * Jackson-mapper rows are the way the event and the reply were written before they were written
 * field by field; they stay here as the reference the new rows are compared with. Not a test: run
 * {@code bench/collector/cpu [batches-per-round=2000]}.
 */
public final class IngestCpuBench {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final int PER_BODY = 100;

    public static void main(String[] args) {
        int batches = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        BodyReader reader = new BodyReader(1000);
        MeasurementIngest ingest =
                new MeasurementIngest(
                        new MeasurementParser(ValidationLimits.defaults()),
                        null,
                        new ReceiptCodec("bench".getBytes()),
                        Clock.systemUTC(),
                        "bench");
        ReceiptCodec receipts = new ReceiptCodec("bench".getBytes());
        byte[] body = body();
        List<BodyItem> items = reader.read(body, false);
        List<ItemResult> valid = ingest.validate(items, Optional.empty(), true);
        List<MeasurementEvent> events = new ArrayList<>();
        List<ItemResult> signed = new ArrayList<>();
        for (ItemResult r : valid) {
            events.add(
                    MeasurementEvent.measurement(
                            r.measurement(),
                            Instant.now(),
                            "0123456789abcdef0123456789abcdef",
                            null,
                            "bench"));
            signed.add(
                    new ItemResult(r.index(), r.measurement(), receipts.issue(r.id()), List.of()));
        }
        System.out.printf(
                "CPU µs per measurement, %d batches of %d per round, load average %s%n",
                batches, PER_BODY, loadAverage());
        for (int round = 0; round < 3; round++) {
            System.out.printf("%nround %d%n", round + 1);
            stage("read body (UTF-8 + JSON tree)", batches, i -> reader.read(body, false));
            stage("parse + validate", batches, i -> ingest.validate(items, Optional.empty(), true));
            stage(
                    "event: Jackson mapper (before)",
                    batches,
                    i ->
                            events.forEach(
                                    e -> {
                                        try {
                                            Json.mapper().writeValueAsBytes(e);
                                        } catch (Exception x) {
                                            throw new IllegalStateException(x);
                                        }
                                    }));
            stage(
                    "event: JsonGenerator (after)",
                    batches,
                    i -> events.forEach(MeasurementEventWriter::write));
            stage("receipts (HMAC)", batches, i -> valid.forEach(r -> receipts.issue(r.id())));
            stage("reply: Jackson tree (before)", batches, i -> treeReply(signed));
            stage(
                    "reply: JsonGenerator (after)",
                    batches,
                    i -> ItemsReply.write(signed, signed.size()));
        }
        System.out.printf("%nload average %s%n", loadAverage());
    }

    private static void stage(String name, int batches, Consumer<Integer> work) {
        try {
            work.accept(0);
        } catch (LinkageError e) {
            // Run against an older build's classes (to compare it), a newer stage is missing.
            System.out.printf("  %-34s %6s%n", name, "n/a");
            return;
        }
        for (int i = 0; i < batches; i++) {
            work.accept(i); // warm-up: the JIT compiles before the measured loop
        }
        long start = THREADS.getCurrentThreadCpuTime();
        for (int i = 0; i < batches; i++) {
            work.accept(i);
        }
        double micros =
                (THREADS.getCurrentThreadCpuTime() - start) / 1e3 / ((double) batches * PER_BODY);
        System.out.printf("  %-34s %6.2f%n", name, micros);
    }

    /** The 202 body as SubmissionService built it before: a tree, then toString(). */
    private static Buffer treeReply(List<ItemResult> results) {
        ObjectNode o = Json.mapper().createObjectNode();
        o.put("accepted", results.size()).put("rejected", 0);
        ArrayNode a = o.putArray("items");
        for (ItemResult r : results) {
            a.addObject()
                    .put("index", r.index())
                    .put("status", "accepted")
                    .put("id", r.id().toString())
                    .put("receipt", r.receipt());
        }
        return Buffer.buffer(o.toString());
    }

    private static byte[] body() {
        ArrayNode batch = Json.mapper().createArrayNode();
        for (int j = 0; j < PER_BODY; j++) {
            batch.add(
                    Json.mapper()
                            .createObjectNode()
                            .put("id", UUID.randomUUID().toString())
                            .put("measuredAt", OffsetDateTime.now().minusMinutes(5).toString())
                            .put("downloadMbps", 80 + j % 20)
                            .put("uploadMbps", 40.5)
                            .put("latencyMs", 9.0)
                            .put("operator", "VNPT")
                            .put("accessType", "FIXED_FIBER")
                            .put("tdpCode", "TDP-03"));
        }
        return batch.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    private static String loadAverage() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).trim();
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }
}
