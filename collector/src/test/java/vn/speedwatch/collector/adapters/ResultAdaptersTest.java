package vn.speedwatch.collector.adapters;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.speedwatch.collector.adapters.AdapterTesting.adapter;
import static vn.speedwatch.collector.adapters.AdapterTesting.contract;
import static vn.speedwatch.collector.adapters.AdapterTesting.envelope;
import static vn.speedwatch.collector.adapters.AdapterTesting.fixture;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.speedwatch.model.AccessType;
import vn.speedwatch.model.Measurement;
import vn.speedwatch.model.Operator;

class ResultAdaptersTest {

    @Test
    void offersTheFourFormats() {
        assertThat(ResultAdapters.formats())
                .containsExactly("ookla", "librespeed", "ndt7", "ispeed");
        assertThat(ResultAdapters.formats())
                .allSatisfy(
                        format ->
                                assertThat(ResultAdapters.forFormat(format))
                                        .hasValueSatisfying(
                                                a -> assertThat(a.format()).isEqualTo(format)));
    }

    @Test
    void ignoresCaseAndBlanksInTheFormatParameter() {
        assertThat(ResultAdapters.forFormat(" Ookla ")).isPresent();
        assertThat(ResultAdapters.forFormat("NDT7")).isPresent();
    }

    @Test
    void hasNoAdapterForUnknownFormats() {
        assertThat(ResultAdapters.forFormat("speedof.me")).isEmpty();
        assertThat(ResultAdapters.forFormat("")).isEmpty();
        assertThat(ResultAdapters.forFormat(null)).isEmpty();
    }

    @Test
    void wrapsQueryParametersAsTheContextOfABareResult() {
        JsonNode posted =
                ResultAdapters.withContext(
                        fixture("ookla-result.json"),
                        Map.of(
                                "format",
                                "ookla",
                                "tdpCode",
                                "TDP-07",
                                "accessType",
                                "FIXED_FIBER",
                                "planDownloadMbps",
                                "100"));

        Measurement m = contract(adapter("ookla").toContract(posted));

        assertThat(m.tdpCode()).isEqualTo("TDP-07");
        assertThat(m.accessType()).isEqualTo(AccessType.FIXED_FIBER);
        assertThat(m.planDownloadMbps()).isEqualTo(100.0);
        assertThat(posted.at("/context").has("format")).isFalse();
    }

    @Test
    void keepsTheBodysContextOverQueryParameters() {
        JsonNode body = envelope(fixture("ookla-result.json"), "{\"tdpCode\": \"TDP-07\"}");

        JsonNode posted =
                ResultAdapters.withContext(body, Map.of("tdpCode", "TDP-09", "operator", "VNPT"));

        Measurement m = contract(adapter("ookla").toContract(posted));
        assertThat(m.tdpCode()).isEqualTo("TDP-07");
        assertThat(m.operatorCode()).isEqualTo(Operator.VNPT);
        assertThat(body.at("/context").has("operator")).as("the body is not changed").isFalse();
    }
}
