package vn.speedwatch.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/**
 * The published JSON Schema and the Java contract say the same thing: same fields, same required
 * set, same enums, bounds and lengths. {@link MeasurementSchemaExamplesTest} checks verdicts.
 */
class MeasurementSchemaTest {

    private static final JsonNode SCHEMA = ContractSchema.document();
    private static final JsonNode PROPERTIES = SCHEMA.get("properties");

    @Test
    void declaresDraft2020_12() {
        assertThat(SCHEMA.get("$schema").asText())
                .isEqualTo("https://json-schema.org/draft/2020-12/schema");
    }

    @Test
    void hasExactlyTheRecordComponentsAsProperties() {
        List<String> components =
                Arrays.stream(Measurement.class.getRecordComponents())
                        .map(RecordComponent::getName)
                        .toList();

        assertThat(names(PROPERTIES)).containsExactlyElementsOf(components);
        assertThat(Arrays.stream(MeasurementField.values()).map(MeasurementField::jsonName))
                .containsExactlyElementsOf(components);
    }

    @Test
    void requiresWhatTheCodeRequires() {
        List<String> required =
                Arrays.stream(MeasurementField.values())
                        .filter(MeasurementField::required)
                        .map(MeasurementField::jsonName)
                        .toList();

        assertThat(texts(SCHEMA.get("required")))
                .containsExactlyInAnyOrderElementsOf(required)
                .containsExactlyInAnyOrder(
                        "id", "measuredAt", "downloadMbps", "uploadMbps", "latencyMs");
    }

    @Test
    void listsTheJavaEnumValues() {
        assertThat(enumValues("accessType"))
                .containsExactlyElementsOf(
                        Arrays.stream(AccessType.values()).map(Enum::name).toList());
        assertThat(enumValues("client"))
                .containsExactlyElementsOf(
                        Arrays.stream(ClientKind.values()).map(ClientKind::json).toList());
        assertThat(enumValues("ipVersion")).containsExactly("4", "6");
    }

    @Test
    void hasTheNumericBoundsOfTheCode() {
        for (MeasurementField f : MeasurementField.values()) {
            if (f.kind() != MeasurementField.Kind.NUMBER) {
                continue;
            }
            JsonNode p = PROPERTIES.get(f.jsonName());
            assertThat(p.get("minimum").doubleValue()).as(f + " minimum").isEqualTo(f.minimum());
            if (f.maximum() == null) {
                assertThat(p.has("maximum")).as(f + " has no maximum").isFalse();
            } else {
                assertThat(p.get("maximum").doubleValue())
                        .as(f + " maximum")
                        .isEqualTo(f.maximum());
            }
        }
    }

    @Test
    void hasTheTextLengthsOfTheCode() {
        for (MeasurementField f : MeasurementField.values()) {
            JsonNode maxLength = PROPERTIES.get(f.jsonName()).get("maxLength");
            Integer expected = f.maxLength();
            assertThat(maxLength == null ? null : maxLength.intValue())
                    .as(f.jsonName())
                    .isEqualTo(expected);
        }
    }

    @Test
    void typesEachFieldAsTheCodeReadsIt() {
        for (MeasurementField f : MeasurementField.values()) {
            JsonNode p = PROPERTIES.get(f.jsonName());
            String expected =
                    switch (f.kind()) {
                        case NUMBER -> "number";
                        case BOOLEAN -> "boolean";
                        case UUID, TIMESTAMP, TEXT -> "string";
                        case INTEGER, ACCESS_TYPE, CLIENT -> null; // enums carry the type
                    };
            if (expected != null) {
                assertThat(texts(p.get("type"))).as(f.jsonName()).contains(expected);
                assertThat(texts(p.get("type")).contains("null"))
                        .as(f.jsonName() + " nullable")
                        .isEqualTo(!f.required());
            }
        }
    }

    private static List<String> enumValues(String property) {
        return StreamSupport.stream(PROPERTIES.get(property).get("enum").spliterator(), false)
                .filter(n -> !n.isNull())
                .map(JsonNode::asText)
                .toList();
    }

    private static List<String> texts(JsonNode node) {
        if (node.isTextual()) {
            return List.of(node.textValue());
        }
        return StreamSupport.stream(node.spliterator(), false).map(JsonNode::asText).toList();
    }

    private static List<String> names(JsonNode object) {
        List<String> out = new ArrayList<>();
        object.fieldNames().forEachRemaining(out::add);
        return out;
    }
}
