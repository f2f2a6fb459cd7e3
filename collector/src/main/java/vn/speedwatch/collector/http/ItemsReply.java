package vn.speedwatch.collector.http;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.buffer.Buffer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import vn.speedwatch.collector.ingest.ItemResult;
import vn.speedwatch.model.Json;

/**
 * The per-item answer to a submission, {@code {"accepted":n,"rejected":m,"items":[...]}}, written
 * straight to bytes: for a batch of 100 a tree of 100 item nodes cost as much as signing them.
 */
public final class ItemsReply {

    private static final JsonFactory FACTORY = Json.mapper().getFactory();

    private ItemsReply() {}

    /** The counts and one entry per item: its receipt if accepted, its errors if not. */
    public static Buffer write(List<ItemResult> results, long accepted) {
        ByteArrayBuilder out = new ByteArrayBuilder(64 + 160 * results.size());
        try (JsonGenerator g = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
            g.writeStartObject();
            g.writeNumberField("accepted", accepted);
            g.writeNumberField("rejected", results.size() - accepted);
            items(g, results);
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a byte array does not fail to grow
        }
        return Buffer.buffer(out.toByteArray());
    }

    /** A problem document with the per-item answer as its {@code items} member. */
    static Buffer problem(ObjectNode document, List<ItemResult> results) {
        ByteArrayBuilder out = new ByteArrayBuilder(512);
        try (JsonGenerator g = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
            g.writeStartObject();
            for (Map.Entry<String, JsonNode> member : document.properties()) {
                g.writeFieldName(member.getKey());
                g.writeTree(member.getValue());
            }
            items(g, results);
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Buffer.buffer(out.toByteArray());
    }

    private static void items(JsonGenerator g, List<ItemResult> results) throws IOException {
        g.writeArrayFieldStart("items");
        for (ItemResult r : results) {
            g.writeStartObject();
            g.writeNumberField("index", r.index());
            if (r.accepted()) {
                g.writeStringField("status", "accepted");
                g.writeStringField("id", r.id().toString());
                g.writeStringField("receipt", r.receipt());
            } else {
                g.writeStringField("status", "rejected");
                g.writeFieldName("errors");
                g.writeTree(Problem.errorsJson(r.violations()));
            }
            g.writeEndObject();
        }
        g.writeEndArray();
    }
}
