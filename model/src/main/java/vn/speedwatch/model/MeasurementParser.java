package vn.speedwatch.model;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Turns a submitted JSON measurement into a {@link Measurement}, or into the complete list of
 * {@link Violation}s. The collector hands it the tree of a request body; the stream job calls
 * {@link #validate(Measurement)} on events it reads back. Unknown JSON fields are ignored and an
 * explicit {@code null} counts as absent. Never throws on bad input.
 */
public final class MeasurementParser {

    private static final ObjectReader STRICT_READER =
            Json.mapper().reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private static final Map<String, MeasurementField> BY_JSON_NAME =
            Arrays.stream(MeasurementField.values())
                    .collect(Collectors.toMap(MeasurementField::jsonName, Function.identity()));

    private final MeasurementRules rules;

    public MeasurementParser(ValidationLimits limits) {
        this.rules = new MeasurementRules(limits);
    }

    /** Parses raw JSON bytes; malformed JSON is a violation of the whole body. */
    public ParseResult parse(byte[] json) {
        if (json == null) {
            return ParseResult.invalid(List.of(Violations.notAnObject()));
        }
        JsonNode tree;
        try {
            tree = STRICT_READER.readTree(json);
        } catch (JsonProcessingException e) {
            return ParseResult.invalid(List.of(Violations.malformedJson(e.getOriginalMessage())));
        } catch (IOException e) {
            return ParseResult.invalid(List.of(Violations.malformedJson(e.getMessage())));
        }
        return parse(tree);
    }

    /** Parses one measurement object; pointers in violations are relative to that object. */
    public ParseResult parse(JsonNode body) {
        if (body == null || !body.isObject()) {
            return parse((Map<MeasurementField, JsonNode>) null);
        }
        Map<MeasurementField, JsonNode> fields = new EnumMap<>(MeasurementField.class);
        for (MeasurementField f : MeasurementField.values()) {
            JsonNode node = body.get(f.jsonName());
            if (node != null && !node.isNull()) {
                fields.put(f, node);
            }
        }
        return parse(fields);
    }

    /**
     * The contract's fields of the object under {@code p} (on its first token), read by streaming
     * instead of building a tree: what {@link #parse(JsonNode)} would look at, for {@link
     * #parse(Map)}. A later duplicate wins and an explicit {@code null} counts as absent, as in a
     * tree. Returns null, having skipped the value, when it is not an object.
     */
    public static Map<MeasurementField, JsonNode> readFields(JsonParser p) throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            p.skipChildren();
            return null;
        }
        Map<MeasurementField, JsonNode> fields = new EnumMap<>(MeasurementField.class);
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            MeasurementField f = BY_JSON_NAME.get(p.currentName());
            p.nextToken();
            if (f == null) {
                p.skipChildren();
            } else if (p.currentToken() == JsonToken.VALUE_NULL) {
                fields.remove(f);
            } else {
                fields.put(f, JsonScalars.read(p));
            }
        }
        return fields;
    }

    /**
     * Parses the fields {@link #readFields(JsonParser)} read (null: the value was not an object).
     */
    public ParseResult parse(Map<MeasurementField, JsonNode> fields) {
        if (fields == null) {
            return ParseResult.invalid(List.of(Violations.notAnObject()));
        }
        Map<MeasurementField, Object> values = new EnumMap<>(MeasurementField.class);
        List<Violation> found = new ArrayList<>();
        fields.forEach((f, node) -> FieldReader.read(f, node, values, found));
        Measurement m = build(values);
        List<Violation> broken = rules.check(m);
        if (found.isEmpty() && broken.isEmpty()) {
            // Nearly every measurement: no sets or streams on the path every record takes.
            return ParseResult.valid(m);
        }
        Set<String> alreadyFlagged = new HashSet<>();
        for (Violation v : found) {
            alreadyFlagged.add(v.pointer());
        }
        for (Violation v : broken) {
            if (!alreadyFlagged.contains(v.pointer())) {
                found.add(v);
            }
        }
        found.sort(Comparator.comparingInt(MeasurementParser::fieldOrder));
        return ParseResult.invalid(found);
    }

    /** Every rule the contract puts on values, for a measurement built elsewhere. */
    public List<Violation> validate(Measurement measurement) {
        if (measurement == null) {
            return List.of(Violations.notAnObject());
        }
        return List.copyOf(rules.check(measurement));
    }

    private static int fieldOrder(Violation v) {
        for (MeasurementField f : MeasurementField.values()) {
            if (f.pointer().equals(v.pointer())) {
                return f.ordinal();
            }
        }
        return -1;
    }

    private static Measurement build(Map<MeasurementField, Object> v) {
        return new Measurement(
                (UUID) v.get(MeasurementField.ID),
                (OffsetDateTime) v.get(MeasurementField.MEASURED_AT),
                (Double) v.get(MeasurementField.DOWNLOAD_MBPS),
                (Double) v.get(MeasurementField.UPLOAD_MBPS),
                (Double) v.get(MeasurementField.LATENCY_MS),
                (Double) v.get(MeasurementField.JITTER_MS),
                (Double) v.get(MeasurementField.PACKET_LOSS_PERCENT),
                (Double) v.get(MeasurementField.LOADED_LATENCY_MS),
                (String) v.get(MeasurementField.OPERATOR),
                (AccessType) v.get(MeasurementField.ACCESS_TYPE),
                (Double) v.get(MeasurementField.PLAN_DOWNLOAD_MBPS),
                (Double) v.get(MeasurementField.PLAN_UPLOAD_MBPS),
                (Double) v.get(MeasurementField.LATITUDE),
                (Double) v.get(MeasurementField.LONGITUDE),
                (Double) v.get(MeasurementField.ACCURACY_M),
                (String) v.get(MeasurementField.TDP_CODE),
                (String) v.get(MeasurementField.SERVER),
                (ClientKind) v.get(MeasurementField.CLIENT),
                (Integer) v.get(MeasurementField.IP_VERSION),
                (Boolean) v.get(MeasurementField.CONSENT),
                (String) v.get(MeasurementField.NOTE));
    }
}
