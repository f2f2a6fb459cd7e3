package vn.speedwatch.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** Free-text operator names, as residents type them, map to the codes reports group by. */
class OperatorTest {

    @ParameterizedTest(name = "\"{0}\" → {1}")
    @CsvSource({
        "Viettel Telecom, VIETTEL",
        "viettel, VIETTEL",
        "VIETTEL, VIETTEL",
        "Vietel, VIETTEL",
        "Tập đoàn Công nghiệp - Viễn thông Quân đội, VIETTEL",
        "VNPT-VinaPhone, VNPT",
        "Vinaphone, VNPT",
        "Tập đoàn Bưu chính Viễn thông, VNPT",
        "TẬP ĐOÀN BƯU CHÍNH VIỄN THÔNG VIỆT NAM, VNPT",
        "Bưu điện, VNPT",
        "FPT Telecom, FPT",
        "fpt, FPT",
        "Mobifone, MOBIFONE",
        "MobiFone 4G, MOBIFONE",
        "Mobi, MOBIFONE",
        "Vietnamobile, VIETNAMOBILE",
        "CMC, CMC",
        "CMC Telecom, CMC",
        "SCTV, SCTV",
        "xyz, OTHER",
        "Wi-Fi quán cà phê, OTHER"
    })
    void normalisesWhatPeopleType(String typed, Operator expected) {
        assertThat(Operator.normalise(typed)).isEqualTo(expected);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "\t"})
    void blankIsOther(String typed) {
        assertThat(Operator.normalise(typed)).isEqualTo(Operator.OTHER);
    }

    @ParameterizedTest
    @ValueSource(strings = {"VNPT", "VIETTEL", "FPT", "MOBIFONE", "VIETNAMOBILE", "CMC", "SCTV"})
    void acceptsItsOwnCodes(String code) {
        assertThat(Operator.normalise(code)).isEqualTo(Operator.valueOf(code));
    }
}
