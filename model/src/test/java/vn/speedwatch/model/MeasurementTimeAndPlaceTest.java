package vn.speedwatch.model;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.speedwatch.model.Fixtures.HANOI;
import static vn.speedwatch.model.Fixtures.LIMITS;
import static vn.speedwatch.model.Fixtures.NOW;
import static vn.speedwatch.model.Fixtures.minimalBody;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** When and where: the time window around "now", coordinates and the consent they need. */
class MeasurementTimeAndPlaceTest {

    private final MeasurementParser parser = new MeasurementParser(LIMITS);

    @ParameterizedTest(name = "latitude {0}, longitude {1} → valid: {2}")
    @CsvSource({
        "90, 180, true",
        "-90, -180, true",
        "20.93, 106.66, true",
        "90.01, 106, false",
        "-90.5, 106, false",
        "20.9, 180.01, false",
        "20.9, -181, false"
    })
    void boundsCoordinates(double lat, double lon, boolean valid) {
        ObjectNode body =
                minimalBody().put("latitude", lat).put("longitude", lon).put("consent", true);

        assertThat(parser.parse(body).isValid()).isEqualTo(valid);
    }

    @Test
    void explainsCoordinateAndAccuracyBoundsWithUnits() {
        ObjectNode body =
                minimalBody()
                        .put("latitude", 91)
                        .put("longitude", 106)
                        .put("consent", true)
                        .put("accuracyM", -2);

        assertThat(parser.parse(body).violations())
                .extracting(Violation::messageVi)
                .containsExactly(
                        "Vĩ độ phải từ -90 đến 90 độ",
                        "Độ chính xác vị trí phải lớn hơn hoặc bằng 0 m");
    }

    @Test
    void needsBothCoordinatesOrNeither() {
        List<Violation> latOnly =
                parser.parse(minimalBody().put("latitude", 20.9).put("consent", true)).violations();
        List<Violation> lonOnly =
                parser.parse(minimalBody().put("longitude", 106.6).put("consent", true))
                        .violations();

        assertThat(latOnly)
                .containsExactly(
                        new Violation(
                                "/longitude",
                                "Thiếu kinh độ: cần gửi cả vĩ độ và kinh độ, hoặc không gửi cả hai",
                                "Longitude is missing: give both latitude and longitude, or neither"));
        assertThat(lonOnly).extracting(Violation::pointer).containsExactly("/latitude");
    }

    @Test
    void needsConsentTrueWithCoordinates() {
        ObjectNode noConsent = minimalBody().put("latitude", 20.9).put("longitude", 106.6);
        ObjectNode refused = noConsent.deepCopy().put("consent", false);

        assertThat(parser.parse(noConsent).violations())
                .containsExactly(
                        new Violation(
                                "/consent",
                                "Cần đồng ý chia sẻ vị trí (consent = true) khi gửi tọa độ",
                                "consent must be true when coordinates are given"));
        assertThat(pointers(refused)).containsExactly("/consent");
        assertThat(parser.parse(minimalBody().put("tdpCode", "TDP-07")).isValid()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "2026-11-27T11:00:00",
                "2026-11-27",
                "27/11/2026 11:00 +07:00",
                "2026-11-27T11:00:00+0700",
                "2026-02-30T11:00:00+07:00",
                "yesterday"
            })
    void refusesATimeWithoutOffsetOrNotIso(String at) {
        assertThat(parser.parse(minimalBody().put("measuredAt", at)).violations())
                .singleElement()
                .satisfies(
                        v ->
                                assertThat(v.messageVi())
                                        .isEqualTo(
                                                "Thời điểm đo phải theo ISO-8601 và có múi giờ, ví dụ "
                                                        + "2026-11-27T08:30:00+07:00"));
    }

    @Test
    void acceptsUtcAndLocalOffsets() {
        assertThat(parser.parse(minimalBody().put("measuredAt", "2026-11-27T04:00:00Z")).isValid())
                .isTrue();
        assertThat(
                        parser.parse(minimalBody().put("measuredAt", "2026-11-27T11:00+07:00"))
                                .isValid())
                .isTrue();
    }

    @Test
    void allowsFiveMinutesOfClockSkewButNotMore() {
        assertThat(validAt(NOW.plus(Duration.ofMinutes(5)).atOffset(HANOI).toString())).isTrue();
        assertThat(validAt(NOW.plus(Duration.ofMinutes(6)).atOffset(HANOI).toString())).isFalse();

        ObjectNode body = minimalBody().put("measuredAt", NOW.plusSeconds(3600).toString());
        assertThat(parser.parse(body).violations())
                .containsExactly(
                        new Violation(
                                "/measuredAt",
                                "Thời điểm đo không được ở tương lai (cho phép lệch đồng hồ tối đa 5 phút)",
                                "Measurement time must not be in the future (clock skew of up to 5 minutes is "
                                        + "allowed)"));
    }

    @Test
    void refusesResultsOlderThanTheHorizon() {
        assertThat(validAt(NOW.minus(Duration.ofDays(29)).atOffset(HANOI).toString())).isTrue();
        assertThat(
                        parser.parse(
                                        minimalBody()
                                                .put(
                                                        "measuredAt",
                                                        NOW.minus(Duration.ofDays(31)).toString()))
                                .violations())
                .extracting(Violation::messageVi)
                .containsExactly("Thời điểm đo không được cũ hơn 30 ngày");
    }

    @Test
    void readsTheTimeWindowFromSettings() {
        Settings settings =
                Settings.of(Map.of("validation.horizon", "7d", "validation.future-skew", "90s"));
        MeasurementParser strict =
                new MeasurementParser(ValidationLimits.from(settings).withClock(Fixtures.CLOCK));
        ObjectNode eightDaysOld =
                minimalBody().put("measuredAt", NOW.minus(Duration.ofDays(8)).toString());
        ObjectNode twoMinutesAhead =
                minimalBody().put("measuredAt", NOW.plus(Duration.ofMinutes(2)).toString());

        assertThat(strict.parse(eightDaysOld).violations())
                .extracting(Violation::messageEn)
                .containsExactly("Measurement time must not be older than 7 days");
        assertThat(strict.parse(twoMinutesAhead).violations())
                .extracting(Violation::messageVi)
                .containsExactly(
                        "Thời điểm đo không được ở tương lai (cho phép lệch đồng hồ "
                                + "tối đa 90 giây)");
        assertThat(ValidationLimits.from(Settings.of(Map.of())).horizon())
                .isEqualTo(Duration.ofDays(30));
    }

    private boolean validAt(String measuredAt) {
        return parser.parse(minimalBody().put("measuredAt", measuredAt)).isValid();
    }

    private List<String> pointers(ObjectNode body) {
        return parser.parse(body).violations().stream().map(Violation::pointer).toList();
    }
}
