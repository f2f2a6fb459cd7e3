package vn.speedwatch.collector.adapters;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;
import java.util.function.Function;
import vn.speedwatch.model.Json;
import vn.speedwatch.model.MeasurementField;

/**
 * The contract object an adapter fills, addressed by {@link MeasurementField} so no JSON name is
 * typed twice. Null values are skipped: a failed read has already recorded its violation.
 */
final class ContractOut {

    private final ObjectNode node = Json.mapper().createObjectNode();

    ObjectNode node() {
        return node;
    }

    boolean has(MeasurementField field) {
        return node.hasNonNull(field.jsonName());
    }

    String text(MeasurementField field) {
        return node.path(field.jsonName()).asText(null);
    }

    void put(MeasurementField field, String value) {
        if (value != null) {
            node.put(field.jsonName(), value);
        }
    }

    void put(MeasurementField field, BigDecimal value) {
        convert(field, value, BigDecimal::doubleValue);
    }

    /** Puts {@code convert(value)}: the unit conversions of {@link Units}. */
    void convert(MeasurementField field, BigDecimal value, Function<BigDecimal, Double> convert) {
        if (value != null) {
            node.put(field.jsonName(), convert.apply(value));
        }
    }

    void put(MeasurementField field, Double value) {
        if (value != null) {
            node.put(field.jsonName(), value);
        }
    }

    void put(MeasurementField field, Integer value) {
        if (value != null) {
            node.put(field.jsonName(), value);
        }
    }

    void put(MeasurementField field, Boolean value) {
        if (value != null) {
            node.put(field.jsonName(), value);
        }
    }

    void put(MeasurementField field, OffsetDateTime value) {
        if (value != null) {
            node.put(field.jsonName(), Times.format(value));
        }
    }

    void put(MeasurementField field, UUID value) {
        if (value != null) {
            node.put(field.jsonName(), value.toString());
        }
    }
}
