package vn.speedwatch.collector.adapters;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import vn.speedwatch.model.Json;

/**
 * The adapters the collector offers on {@code POST /api/v1/measurements?format=...}: Ookla
 * Speedtest CLI JSON, LibreSpeed telemetry, M-Lab ndt7 client output and i-Speed manual entry.
 */
public final class ResultAdapters {

    private static final List<String> FORMATS =
            List.of(
                    OoklaAdapter.FORMAT,
                    LibreSpeedAdapter.FORMAT,
                    Ndt7Adapter.FORMAT,
                    ISpeedAdapter.FORMAT);

    private ResultAdapters() {}

    /** The adapter for a {@code format} value (case and surrounding blanks ignored). */
    public static Optional<ResultAdapter> forFormat(String format) {
        return forFormat(format, Clock.systemUTC());
    }

    /**
     * The adapter for a {@code format} value; {@code clock} dates results that carry no time of
     * their own (LibreSpeed telemetry, ndt7 output), which are posted right after the test.
     */
    public static Optional<ResultAdapter> forFormat(String format, Clock clock) {
        if (format == null) {
            return Optional.empty();
        }
        return switch (format.strip().toLowerCase(Locale.ROOT)) {
            case OoklaAdapter.FORMAT -> Optional.of(new OoklaAdapter(clock));
            case LibreSpeedAdapter.FORMAT -> Optional.of(new LibreSpeedAdapter(clock));
            case Ndt7Adapter.FORMAT -> Optional.of(new Ndt7Adapter(clock));
            case ISpeedAdapter.FORMAT -> Optional.of(new ISpeedAdapter(clock));
            default -> Optional.empty();
        };
    }

    /**
     * The document to map when the resident's app gives contract fields as query parameters ({@code
     * ?format=ookla&tdpCode=TDP-07&accessType=FIXED_FIBER}) beside a tool's result: the fields
     * become the envelope's context. A field the body's own context already has keeps the body's
     * value; {@code format} is not a field. Anything but an object is returned as it is, for the
     * adapter to refuse.
     */
    public static JsonNode withContext(JsonNode document, Map<String, String> fields) {
        Map<String, String> given = new LinkedHashMap<>(fields);
        given.remove("format");
        if (document == null || !document.isObject() || given.isEmpty()) {
            return document;
        }
        ObjectNode target =
                document.has(Envelope.CONTEXT) || Envelope.isEnvelope(document)
                        ? ((ObjectNode) document).deepCopy()
                        : Json.mapper().createObjectNode().set(Envelope.RESULT, document);
        JsonNode context = target.path(Envelope.CONTEXT);
        if (context.isMissingNode() || context.isNull()) {
            context = target.putObject(Envelope.CONTEXT);
        } else if (!context.isObject()) {
            return target;
        }
        ObjectNode into = (ObjectNode) context;
        given.forEach(
                (name, value) -> {
                    if (!into.has(name)) {
                        into.put(name, value);
                    }
                });
        return target;
    }

    /** Every supported {@code format} value, for error messages and documentation. */
    public static List<String> formats() {
        return FORMATS;
    }
}
