package vn.speedwatch.dashboards;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Variables become SQL exactly as Grafana's SQL datasources write them. */
class TemplateInterpolatorTest {

    private static final TemplateVariable MULTI =
            new TemplateVariable(
                    "op",
                    "custom",
                    true,
                    true,
                    "Viettel : VIETTEL, VNPT : VNPT",
                    JsonNodeFactory.instance.missingNode());
    private static final TemplateVariable SINGLE =
            new TemplateVariable(
                    "tdp",
                    "query",
                    false,
                    false,
                    "SELECT 1",
                    JsonNodeFactory.instance.missingNode());

    private String render(String sql, List<String> op, List<String> tdp) {
        return new TemplateInterpolator(
                        Map.of("op", MULTI, "tdp", SINGLE),
                        Map.of("op", op, "tdp", tdp),
                        Map.of("__interval", "1h"))
                .interpolate(sql);
    }

    @Test
    void multiValueVariablesAreQuotedEvenWithOneValue() {
        assertThat(render("operator IN ($op)", List.of("VIETTEL", "O'NET"), List.of("x")))
                .isEqualTo("operator IN ('VIETTEL','O''NET')");
        assertThat(render("operator IN (${op})", List.of("VIETTEL"), List.of("x")))
                .isEqualTo("operator IN ('VIETTEL')");
    }

    @Test
    void singleValueVariablesAreRawWithQuotesDoubled() {
        assertThat(render("tdp_code = '$tdp'", List.of("A"), List.of("TDP-0'1")))
                .isEqualTo("tdp_code = 'TDP-0''1'");
    }

    @Test
    void formatsAndGlobalsAndMacrosLeftForTheBackend() {
        assertThat(
                        render(
                                "${op:csv}|${op:sqlstring}|[[op]]|$__interval|$__timeFilter(t)",
                                List.of("A", "B"),
                                List.of("x")))
                .isEqualTo("A,B|'A','B'|'A','B'|1h|$__timeFilter(t)");
    }

    @Test
    void customVariableValuesAreTheRightHandSides() {
        assertThat(MULTI.customValues()).containsExactly("VIETTEL", "VNPT");
    }
}
