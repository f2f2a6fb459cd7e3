package vn.speedwatch.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Reads one JSON value into the Java type of its field, or records why it cannot. Only JSON types
 * and formats are judged here; ranges and cross-field rules are {@link MeasurementRules}' job.
 */
final class FieldReader {

    static final String[] ACCESS_TYPES =
            Arrays.stream(AccessType.values()).map(Enum::name).toArray(String[]::new);
    static final String[] CLIENTS =
            Arrays.stream(ClientKind.values()).map(ClientKind::json).toArray(String[]::new);

    private FieldReader() {}

    static void read(
            MeasurementField f,
            JsonNode node,
            Map<MeasurementField, Object> values,
            List<Violation> found) {
        if (!hasJsonType(f, node)) {
            found.add(Violations.wrongType(f));
            return;
        }
        Object value =
                switch (f.kind()) {
                    case NUMBER -> node.doubleValue();
                    case INTEGER ->
                            node.canConvertToExactIntegral() && node.canConvertToInt()
                                    ? node.intValue()
                                    : null;
                    case BOOLEAN -> node.booleanValue();
                    case TEXT -> node.textValue();
                    case UUID ->
                            isCanonicalUuid(node.textValue())
                                    ? UUID.fromString(node.textValue())
                                    : null;
                    case TIMESTAMP -> timestamp(node.textValue());
                    case ACCESS_TYPE ->
                            Arrays.asList(ACCESS_TYPES).contains(node.textValue())
                                    ? AccessType.valueOf(node.textValue())
                                    : null;
                    case CLIENT ->
                            Arrays.asList(CLIENTS).contains(node.textValue())
                                    ? ClientKind.fromJson(node.textValue())
                                    : null;
                };
        if (value == null) {
            found.add(badFormat(f));
        } else {
            values.put(f, value);
        }
    }

    /**
     * The canonical 8-4-4-4-12 hex form: {@link UUID#fromString} alone accepts "1-2-3-4-5". Checked
     * by hand: a regular expression here cost as much as reading the rest of the id.
     */
    static boolean isCanonicalUuid(String s) {
        if (s.length() != 36) {
            return false;
        }
        for (int i = 0; i < 36; i++) {
            char c = s.charAt(i);
            boolean ok =
                    i == 8 || i == 13 || i == 18 || i == 23
                            ? c == '-'
                            : (c >= '0' && c <= '9')
                                    || (c >= 'a' && c <= 'f')
                                    || (c >= 'A' && c <= 'F');
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static boolean hasJsonType(MeasurementField f, JsonNode node) {
        return switch (f.kind()) {
            case NUMBER, INTEGER -> node.isNumber();
            case BOOLEAN -> node.isBoolean();
            default -> node.isTextual();
        };
    }

    /** The right JSON type in the wrong shape: the violation names the expected shape. */
    private static Violation badFormat(MeasurementField f) {
        return switch (f.kind()) {
            case UUID -> Violations.notUuid(f);
            case TIMESTAMP -> Violations.notTimestamp(f);
            case ACCESS_TYPE -> Violations.unknownValue(f, ACCESS_TYPES);
            case CLIENT -> Violations.unknownValue(f, CLIENTS);
            case INTEGER ->
                    f == MeasurementField.IP_VERSION
                            ? Violations.badIpVersion()
                            : Violations.wrongType(f);
            default -> Violations.wrongType(f);
        };
    }

    private static OffsetDateTime timestamp(String text) {
        try {
            return IsoTimestamps.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
