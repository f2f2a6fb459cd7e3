package vn.speedwatch.model;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.speedwatch.model.Fixtures.LIMITS;
import static vn.speedwatch.model.Fixtures.NOW;
import static vn.speedwatch.model.Fixtures.fullBody;
import static vn.speedwatch.model.Fixtures.fullMeasurement;
import static vn.speedwatch.model.Fixtures.minimalBody;

import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a resident's app sees when it submits a result: accepted, or every reason why not. */
class MeasurementParserTest {

    private final MeasurementParser parser = new MeasurementParser(LIMITS);

    @Test
    void acceptsTheFiveRequiredFieldsAlone() {
        ParseResult result = parser.parse(minimalBody());

        assertThat(result.isValid()).isTrue();
        Measurement m = result.measurement();
        assertThat(m.id()).isEqualTo(Fixtures.ID);
        assertThat(m.measuredAt()).isEqualTo(Fixtures.ONE_HOUR_AGO);
        assertThat(m.downloadMbps()).isEqualTo(85.5);
        assertThat(m.jitterMs()).isNull();
        assertThat(m.accessTypeOrUnknown()).isEqualTo(AccessType.UNKNOWN);
    }

    @Test
    void readsEveryFieldOfTheContract() {
        assertThat(parser.parse(fullBody()).measurement()).isEqualTo(fullMeasurement());
    }

    @Test
    void keepsTheOffsetTheClientSent() {
        ObjectNode body = minimalBody().put("measuredAt", "2026-11-27T11:30:15.250+07:00");

        assertThat(parser.parse(body).measurement().measuredAt().toString())
                .isEqualTo("2026-11-27T11:30:15.250+07:00");
    }

    @Test
    void ignoresUnknownFields() {
        ObjectNode body = minimalBody();
        body.put("batteryLevel", 80);
        body.putObject("device").put("model", "Galaxy A15");

        assertThat(parser.parse(body).isValid()).isTrue();
    }

    @Test
    void treatsAnExplicitNullOptionalFieldAsAbsent() {
        ObjectNode body = minimalBody();
        body.putNull("jitterMs");
        body.putNull("accessType");
        body.putNull("note");

        assertThat(parser.parse(body).measurement().jitterMs()).isNull();
    }

    @Test
    void reportsEveryViolationInFieldOrderNotOnlyTheFirst() {
        ObjectNode body = minimalBody();
        body.remove("id");
        body.put("downloadMbps", -5);
        body.put("latencyMs", "fast");
        body.put("accessType", "FIBER");
        body.put("ipVersion", 5);
        body.put("latitude", 20.9);

        assertThat(pointers(body))
                .containsExactly(
                        "/id",
                        "/downloadMbps",
                        "/latencyMs",
                        "/accessType",
                        "/longitude",
                        "/ipVersion",
                        "/consent");
    }

    @Test
    void explainsARangeInVietnameseAndEnglish() {
        List<Violation> violations =
                parser.parse(minimalBody().put("downloadMbps", 100_000.5)).violations();

        assertThat(violations)
                .containsExactly(
                        new Violation(
                                "/downloadMbps",
                                "Tốc độ tải xuống phải từ 0 đến 100000 Mbps",
                                "Download speed must be between 0 and 100000 Mbps"));
    }

    @Test
    void namesAMissingRequiredField() {
        ObjectNode body = minimalBody();
        body.remove("uploadMbps");

        assertThat(parser.parse(body).violations())
                .containsExactly(
                        new Violation(
                                "/uploadMbps",
                                "Thiếu trường bắt buộc: Tốc độ tải lên (uploadMbps)",
                                "Missing required field: uploadMbps (Upload speed)"));
    }

    @Test
    void treatsANullRequiredFieldAsMissing() {
        ObjectNode body = minimalBody();
        body.putNull("latencyMs");

        assertThat(parser.parse(body).violations())
                .singleElement()
                .satisfies(v -> assertThat(v.messageEn()).startsWith("Missing required field"));
    }

    @Test
    void refusesABodyThatIsNotAnObject() {
        Violation expected =
                new Violation(
                        "",
                        "Nội dung gửi lên phải là một đối tượng JSON",
                        "The body must be a JSON object");

        assertThat(parser.parse(Json.mapper().createArrayNode()).violations())
                .containsExactly(expected);
        assertThat(parser.parse(NullNode.getInstance()).violations()).containsExactly(expected);
        assertThat(parser.parse((com.fasterxml.jackson.databind.JsonNode) null).violations())
                .containsExactly(expected);
        assertThat(parseBytes("\"hello\"")).containsExactly(expected);
        assertThat(parseBytes("[{\"id\": 1}]")).containsExactly(expected);
        assertThat(parser.parse((byte[]) null).violations()).containsExactly(expected);
    }

    @Test
    void refusesMalformedJsonAsAWhole() {
        assertThat(parseBytes("{\"downloadMbps\": "))
                .singleElement()
                .satisfies(
                        v -> {
                            assertThat(v.pointer()).isEmpty();
                            assertThat(v.messageVi())
                                    .startsWith("Nội dung gửi lên không phải JSON hợp lệ");
                        });
        assertThat(parseBytes("{} {}"))
                .singleElement()
                .satisfies(v -> assertThat(v.pointer()).isEmpty());
        assertThat(parseBytes("")).isNotEmpty();
    }

    @Test
    void parsesRawBytesLikeTheTree() throws Exception {
        byte[] bytes = Json.mapper().writeValueAsBytes(fullBody());

        assertThat(parser.parse(bytes).measurement()).isEqualTo(fullMeasurement());
    }

    @Test
    void prefixesPointersForAnItemOfABatch() {
        ObjectNode body = minimalBody().put("downloadMbps", -1);

        ParseResult third = parser.parse(body).atIndex(3);

        assertThat(third.violations())
                .extracting(Violation::pointer)
                .containsExactly("/3/downloadMbps");
        assertThat(third.violations().get(0).prefixed("/items").pointer())
                .isEqualTo("/items/3/downloadMbps");
        assertThat(parser.parse(minimalBody()).atIndex(3).isValid()).isTrue();
    }

    @Test
    void revalidatesABuiltMeasurementWithTheSameRules() {
        Measurement good = fullMeasurement();
        Measurement bad =
                new Measurement(
                        null,
                        NOW.plusSeconds(3600).atOffset(Fixtures.HANOI),
                        Double.NaN,
                        40.0,
                        70_000.0,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        106.7,
                        null,
                        null,
                        null,
                        null,
                        5,
                        null,
                        null);

        assertThat(parser.validate(good)).isEmpty();
        assertThat(parser.validate(bad))
                .extracting(Violation::pointer)
                .containsExactlyInAnyOrder(
                        "/id",
                        "/measuredAt",
                        "/downloadMbps",
                        "/latencyMs",
                        "/latitude",
                        "/ipVersion",
                        "/consent");
        assertThat(parser.validate(null)).isNotEmpty();
    }

    @Test
    void describesAViolationOnOneLineForLogs() {
        Violation v = new Violation("/downloadMbps", "sai", "wrong");

        assertThat(v.describe()).isEqualTo("/downloadMbps: wrong / sai");
        assertThat(new Violation("", "sai", "wrong").describe()).isEqualTo("(body): wrong / sai");
    }

    private List<String> pointers(ObjectNode body) {
        return parser.parse(body).violations().stream().map(Violation::pointer).toList();
    }

    private List<Violation> parseBytes(String json) {
        return parser.parse(json.getBytes(StandardCharsets.UTF_8)).violations();
    }
}
