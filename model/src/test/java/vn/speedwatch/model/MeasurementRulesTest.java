package vn.speedwatch.model;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.speedwatch.model.Fixtures.LIMITS;
import static vn.speedwatch.model.Fixtures.minimalBody;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** One test per value rule of the contract (numbers, JSON types, formats, enums, texts). */
class MeasurementRulesTest {

    private final MeasurementParser parser = new MeasurementParser(LIMITS);

    @ParameterizedTest(name = "{0} = {1} → valid: {2}")
    @CsvSource({
        "downloadMbps, 0, true",
        "downloadMbps, 100000, true",
        "downloadMbps, -0.01, false",
        "downloadMbps, 100000.01, false",
        "uploadMbps, 0, true",
        "uploadMbps, -1, false",
        "uploadMbps, 100001, false",
        "latencyMs, 60000, true",
        "latencyMs, 60000.5, false",
        "latencyMs, -1, false",
        "jitterMs, 0, true",
        "jitterMs, 60001, false",
        "loadedLatencyMs, 60000, true",
        "loadedLatencyMs, -3, false",
        "packetLossPercent, 100, true",
        "packetLossPercent, 100.5, false",
        "packetLossPercent, -0.5, false",
        "planDownloadMbps, 1000, true",
        "planDownloadMbps, 100001, false",
        "planUploadMbps, -1, false",
        "accuracyM, 0, true",
        "accuracyM, 1000000, true",
        "accuracyM, -1, false"
    })
    void boundsEveryNumber(String field, double value, boolean valid) {
        assertThat(pointers(minimalBody().put(field, value)))
                .isEqualTo(valid ? List.of() : List.of("/" + field));
    }

    @Test
    void refusesNanAndInfinity() {
        ObjectNode body =
                minimalBody()
                        .put("downloadMbps", Double.NaN)
                        .put("uploadMbps", Double.POSITIVE_INFINITY)
                        .put("latitude", Double.NEGATIVE_INFINITY)
                        .put("longitude", 106.6)
                        .put("consent", true);

        List<Violation> violations = parser.parse(body).violations();

        assertThat(violations)
                .extracting(Violation::pointer)
                .containsExactly("/downloadMbps", "/uploadMbps", "/latitude");
        assertThat(violations.get(0).messageVi())
                .isEqualTo(
                        "Tốc độ tải xuống phải là một số hữu hạn "
                                + "(không được là NaN hay vô cực)");
    }

    @Test
    void refusesNumbersThatOverflowADouble() {
        String json =
                minimalBody()
                        .toString()
                        .replace("85.5", "1e400")
                        .replace("\"latencyMs\":12.0", "\"latencyMs\":-1E+999");
        String hugeInteger = minimalBody().toString().replace("85.5", "1" + "0".repeat(400));

        assertThat(parseBytes(json))
                .extracting(Violation::pointer)
                .containsExactly("/downloadMbps", "/latencyMs");
        assertThat(parseBytes(json).get(0).messageEn())
                .isEqualTo("Download speed must be a finite number (not NaN or infinity)");
        assertThat(parseBytes(hugeInteger))
                .extracting(Violation::pointer)
                .containsExactly("/downloadMbps");
    }

    @Test
    void refusesTheNonStandardNanLiteral() {
        String json = minimalBody().toString().replace("85.5", "NaN");

        assertThat(parseBytes(json)).extracting(Violation::pointer).containsExactly("");
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "downloadMbps | \"85.5\"             | Tốc độ tải xuống phải là một số",
                "latencyMs    | true                 | Độ trễ phải là một số",
                "operator     | {\"name\":\"VNPT\"}  | Nhà mạng phải là một chuỗi ký tự",
                "note         | [\"a\"]              | Ghi chú phải là một chuỗi ký tự",
                "id           | 42                   | Mã kết quả (id) phải là một chuỗi ký tự",
                "measuredAt   | 1764219600           | Thời điểm đo phải là một chuỗi ký tự",
                "accessType   | 4                    | Loại kết nối phải là một chuỗi ký tự",
                "consent      | \"true\"             | Sự đồng ý chia sẻ vị trí phải là true hoặc false",
                "ipVersion    | \"6\"                | Phiên bản IP phải là một số nguyên",
                "ipVersion    | 4.5                  | Phiên bản IP phải là 4 hoặc 6",
                "ipVersion    | 6000000000000        | Phiên bản IP phải là 4 hoặc 6",
                "client       | {}                   | Công cụ đo phải là một chuỗi ký tự"
            })
    void refusesWrongJsonTypes(String field, String json, String messageVi) throws Exception {
        ObjectNode body = minimalBody();
        body.set(field, Json.mapper().readTree(json));

        assertThat(parser.parse(body).violations())
                .singleElement()
                .satisfies(
                        v -> {
                            assertThat(v.pointer()).isEqualTo("/" + field);
                            assertThat(v.messageVi()).isEqualTo(messageVi);
                        });
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "abc",
                "1-2-3-4-5",
                "0f8fad5bd9cb469fa16570867728950e",
                "0f8fad5b-d9cb-469f-a165-70867728950",
                "{0f8fad5b-d9cb-469f-a165-70867728950e}",
                "",
                "0f8fad5g-d9cb-469f-a165-70867728950e",
                "0f8fad5bd-9cb-469f-a165-70867728950e",
                "0f8fad5b-d9cb-469f-a165-70867728950e "
            })
    void refusesAnIdThatIsNotAUuid(String id) {
        assertThat(parser.parse(minimalBody().put("id", id)).violations())
                .singleElement()
                .satisfies(v -> assertThat(v.messageEn()).startsWith("Result id must be a UUID"));
    }

    @Test
    void acceptsAnUpperCaseUuid() {
        String id = "0F8FAD5B-D9CB-469F-A165-70867728950E";

        assertThat(parser.parse(minimalBody().put("id", id)).measurement().id())
                .isEqualTo(java.util.UUID.fromString(id));
    }

    @Test
    void refusesUnknownEnumValuesAndListsTheAllowedOnes() {
        ObjectNode body = minimalBody().put("accessType", "fixed_fiber").put("client", "speedtest");

        assertThat(parser.parse(body).violations())
                .extracting(Violation::messageVi)
                .containsExactly(
                        "Loại kết nối không hợp lệ; giá trị cho phép: FIXED_FIBER, "
                                + "FIXED_OTHER, MOBILE_4G, MOBILE_5G, PUBLIC_WIFI, UNKNOWN",
                        "Công cụ đo không hợp lệ; giá trị cho phép: web, i-speed-manual, "
                                + "ookla-cli, librespeed, ndt7, probe");
    }

    @ParameterizedTest
    @CsvSource({"4, true", "6, true", "5, false", "0, false", "-4, false", "4.0, true"})
    void acceptsOnlyIpVersionFourOrSix(String version, boolean valid) throws Exception {
        ObjectNode body = minimalBody();
        body.set("ipVersion", Json.mapper().readTree(version));

        List<Violation> violations = parser.parse(body).violations();

        assertThat(violations.isEmpty()).isEqualTo(valid);
        if (!valid) {
            assertThat(violations.get(0).messageVi()).isEqualTo("Phiên bản IP phải là 4 hoặc 6");
        }
    }

    @ParameterizedTest(name = "{0}: {1} characters allowed")
    @CsvSource({"operator, 100", "server, 200", "note, 1000", "tdpCode, 32"})
    void boundsTextLengths(String field, int max) {
        assertThat(pointers(minimalBody().put(field, "ư".repeat(max)))).isEmpty();
        assertThat(parser.parse(minimalBody().put(field, "a".repeat(max + 1))).violations())
                .singleElement()
                .satisfies(
                        v -> {
                            assertThat(v.pointer()).isEqualTo("/" + field);
                            assertThat(v.messageEn())
                                    .endsWith("must be at most " + max + " characters long");
                        });
    }

    @Test
    void countsCharactersNotUtf16Units() {
        assertThat(pointers(minimalBody().put("note", "📶".repeat(1000)))).isEmpty();
    }

    @Test
    void refusesABlankTdpCode() {
        assertThat(parser.parse(minimalBody().put("tdpCode", "  ")).violations())
                .extracting(Violation::messageVi)
                .containsExactly("Mã tổ dân phố không được để trống");
    }

    private List<String> pointers(JsonNode body) {
        return parser.parse(body).violations().stream().map(Violation::pointer).toList();
    }

    private List<Violation> parseBytes(String json) {
        return parser.parse(json.getBytes(StandardCharsets.UTF_8)).violations();
    }
}
