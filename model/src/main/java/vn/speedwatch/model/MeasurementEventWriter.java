package vn.speedwatch.model;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Writes a {@link MeasurementEvent} as the JSON value of its topic record, field by field with a
 * {@link JsonGenerator}. The bytes are exactly those {@code Json.mapper().writeValueAsBytes(event)}
 * gives (same names, order, number and date forms, nulls left out), which the stream job's decoder
 * reads; a test holds the two together. Written by hand because the mapper's reflective record
 * serializer and its date formatters were a third of the collector's CPU per measurement.
 */
public final class MeasurementEventWriter {

    private static final JsonFactory FACTORY = Json.mapper().getFactory();

    private MeasurementEventWriter() {}

    /** The record value for {@code event}. */
    public static byte[] write(MeasurementEvent event) {
        ByteArrayBuilder out = new ByteArrayBuilder(512);
        try (JsonGenerator g = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
            g.writeStartObject();
            g.writeStringField("type", event.type().name());
            text(g, "id", event.id() == null ? null : event.id().toString());
            if (event.measurement() != null) {
                g.writeFieldName("measurement");
                measurement(g, event.measurement());
            }
            if (event.receivedAt() != null) {
                g.writeStringField("receivedAt", IsoTimestamps.format(event.receivedAt()));
            }
            text(g, "clientHash", event.clientHash());
            text(g, "apiKeyId", event.apiKeyId());
            text(g, "collectorVersion", event.collectorVersion());
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a byte array does not fail to grow
        }
        return out.toByteArray();
    }

    /** The components of {@link Measurement} in declaration order, as the mapper writes them. */
    private static void measurement(JsonGenerator g, Measurement m) throws IOException {
        g.writeStartObject();
        text(g, "id", m.id() == null ? null : m.id().toString());
        if (m.measuredAt() != null) {
            g.writeStringField("measuredAt", IsoTimestamps.format(m.measuredAt()));
        }
        number(g, "downloadMbps", m.downloadMbps());
        number(g, "uploadMbps", m.uploadMbps());
        number(g, "latencyMs", m.latencyMs());
        number(g, "jitterMs", m.jitterMs());
        number(g, "packetLossPercent", m.packetLossPercent());
        number(g, "loadedLatencyMs", m.loadedLatencyMs());
        text(g, "operator", m.operator());
        text(g, "accessType", m.accessType() == null ? null : m.accessType().name());
        number(g, "planDownloadMbps", m.planDownloadMbps());
        number(g, "planUploadMbps", m.planUploadMbps());
        number(g, "latitude", m.latitude());
        number(g, "longitude", m.longitude());
        number(g, "accuracyM", m.accuracyM());
        text(g, "tdpCode", m.tdpCode());
        text(g, "server", m.server());
        text(g, "client", m.client() == null ? null : m.client().json());
        if (m.ipVersion() != null) {
            g.writeNumberField("ipVersion", m.ipVersion());
        }
        if (m.consent() != null) {
            g.writeBooleanField("consent", m.consent());
        }
        text(g, "note", m.note());
        g.writeEndObject();
    }

    private static void text(JsonGenerator g, String name, String value) throws IOException {
        if (value != null) {
            g.writeStringField(name, value);
        }
    }

    private static void number(JsonGenerator g, String name, Double value) throws IOException {
        if (value != null) {
            g.writeNumberField(name, value.doubleValue());
        }
    }
}
