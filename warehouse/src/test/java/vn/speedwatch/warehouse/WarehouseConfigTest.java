package vn.speedwatch.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.speedwatch.model.Settings;

/** The {@code db.*} settings and their defaults. */
class WarehouseConfigTest {

    @Test
    void defaultsPointAtTheLocalDatabase() {
        WarehouseConfig c = WarehouseConfig.from(Settings.of(Map.of()));

        assertThat(c)
                .isEqualTo(
                        new WarehouseConfig(
                                "jdbc:postgresql://127.0.0.1:5432/speedwatch", "postgres", "", 4));
    }

    @Test
    void settingsOverrideTheDefaultsAndThePasswordIsNotPrinted() {
        WarehouseConfig c =
                WarehouseConfig.from(
                        Settings.of(
                                Map.of(
                                        "db.url",
                                        "jdbc:postgresql://db:5432/sw",
                                        "db.user",
                                        "sw",
                                        "db.password",
                                        "bí-mật",
                                        "db.pool-size",
                                        "8")));

        assertThat(c)
                .isEqualTo(new WarehouseConfig("jdbc:postgresql://db:5432/sw", "sw", "bí-mật", 8));
        assertThat(c.toString()).doesNotContain("bí-mật");
    }

    @Test
    void aBadSettingIsNamed() {
        assertThatThrownBy(() -> WarehouseConfig.from(Settings.of(Map.of("db.pool-size", "0"))))
                .hasMessage("db.pool-size must be at least 1, got 0");
        assertThatThrownBy(
                        () ->
                                WarehouseConfig.from(
                                        Settings.of(Map.of("db.url", "jdbc:mysql://x/y"))))
                .hasMessage("db.url must be a jdbc:postgresql: URL, got 'jdbc:mysql://x/y'");
    }
}
