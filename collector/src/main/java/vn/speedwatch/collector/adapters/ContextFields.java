package vn.speedwatch.collector.adapters;

import static vn.speedwatch.model.MeasurementField.ACCESS_TYPE;
import static vn.speedwatch.model.MeasurementField.ACCURACY_M;
import static vn.speedwatch.model.MeasurementField.CONSENT;
import static vn.speedwatch.model.MeasurementField.DOWNLOAD_MBPS;
import static vn.speedwatch.model.MeasurementField.ID;
import static vn.speedwatch.model.MeasurementField.IP_VERSION;
import static vn.speedwatch.model.MeasurementField.JITTER_MS;
import static vn.speedwatch.model.MeasurementField.LATENCY_MS;
import static vn.speedwatch.model.MeasurementField.LATITUDE;
import static vn.speedwatch.model.MeasurementField.LOADED_LATENCY_MS;
import static vn.speedwatch.model.MeasurementField.LONGITUDE;
import static vn.speedwatch.model.MeasurementField.MEASURED_AT;
import static vn.speedwatch.model.MeasurementField.NOTE;
import static vn.speedwatch.model.MeasurementField.OPERATOR;
import static vn.speedwatch.model.MeasurementField.PACKET_LOSS_PERCENT;
import static vn.speedwatch.model.MeasurementField.PLAN_DOWNLOAD_MBPS;
import static vn.speedwatch.model.MeasurementField.PLAN_UPLOAD_MBPS;
import static vn.speedwatch.model.MeasurementField.SERVER;
import static vn.speedwatch.model.MeasurementField.TDP_CODE;
import static vn.speedwatch.model.MeasurementField.UPLOAD_MBPS;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import vn.speedwatch.model.MeasurementField;

/**
 * Copies the contract fields a resident's app adds to a tool's result: who the operator is, how the
 * device is connected, where it is, the subscribed plan. What the tool measured is never taken from
 * a context, and fields outside the contract are never copied.
 */
final class ContextFields {

    /** The resident knows these better than the tool: they win over the tool's guess. */
    private static final Set<MeasurementField> OVERRIDING =
            EnumSet.of(
                    OPERATOR,
                    ACCESS_TYPE,
                    TDP_CODE,
                    NOTE,
                    PLAN_DOWNLOAD_MBPS,
                    PLAN_UPLOAD_MBPS,
                    LATITUDE,
                    LONGITUDE,
                    ACCURACY_M,
                    CONSENT);

    /** Used only when the tool's result has none. */
    private static final Set<MeasurementField> FILLING =
            EnumSet.of(MEASURED_AT, SERVER, IP_VERSION);

    private static final Set<MeasurementField> MEASURED =
            EnumSet.of(
                    ID,
                    DOWNLOAD_MBPS,
                    UPLOAD_MBPS,
                    LATENCY_MS,
                    JITTER_MS,
                    PACKET_LOSS_PERCENT,
                    LOADED_LATENCY_MS);

    private ContextFields() {}

    /** Copies the context's contract fields into {@code out}; a null context copies nothing. */
    static void apply(Source context, ContractOut out) {
        if (context == null || !context.root().isObject()) {
            return;
        }
        for (MeasurementField field : MeasurementField.values()) {
            if (!context.has(field.pointer())) {
                continue;
            }
            if (MEASURED.contains(field)) {
                context.reject(
                        field.pointer(),
                        "Giá trị đo lấy từ kết quả của công cụ, không được gửi kèm",
                        "Measured values come from the tool's result and cannot be given here");
            } else if (OVERRIDING.contains(field) || FILLING.contains(field) && !out.has(field)) {
                copy(field, context, out);
            }
        }
    }

    private static void copy(MeasurementField field, Source context, ContractOut out) {
        String path = field.pointer();
        switch (field.kind()) {
            case NUMBER -> out.put(field, context.decimal(path, false, field.unitEn()));
            case INTEGER -> out.put(field, integer(context, path));
            case BOOLEAN -> out.put(field, bool(context, path));
            case TIMESTAMP -> out.put(field, context.time(path, false));
            default -> out.put(field, context.text(path, false));
        }
    }

    private static Integer integer(Source context, String path) {
        BigDecimal value = context.decimal(path, false);
        if (value == null) {
            return null;
        }
        try {
            return value.intValueExact();
        } catch (ArithmeticException notWhole) {
            context.reject(path, "Phải là một số nguyên", "Must be a whole number");
            return null;
        }
    }

    /** JSON true/false, or the text a query parameter carries. */
    private static Boolean bool(Source context, String path) {
        JsonNode node = context.node(path);
        String text = node.asText().strip().toLowerCase(Locale.ROOT);
        if (node.isBoolean()) {
            return node.booleanValue();
        } else if (node.isTextual() && (text.equals("true") || text.equals("false"))) {
            return Boolean.valueOf(text);
        }
        context.problems().notBoolean(context.pointer(path));
        return null;
    }
}
