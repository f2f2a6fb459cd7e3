package vn.speedwatch.collector.adapters;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.speedwatch.collector.adapters.AdapterTesting.adapter;
import static vn.speedwatch.collector.adapters.AdapterTesting.assertNoAddress;
import static vn.speedwatch.collector.adapters.AdapterTesting.contract;
import static vn.speedwatch.collector.adapters.AdapterTesting.fixture;
import static vn.speedwatch.collector.adapters.AdapterTesting.pointers;
import static vn.speedwatch.collector.adapters.AdapterTesting.violations;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import vn.speedwatch.model.AccessType;
import vn.speedwatch.model.ClientKind;
import vn.speedwatch.model.Measurement;
import vn.speedwatch.model.Operator;

class LibreSpeedAdapterTest {

    private final ResultAdapter libreSpeed = adapter("librespeed");

    @Test
    void mapsTheTelemetryFormFields() {
        ObjectNode out = libreSpeed.toContract(fixture("librespeed-telemetry.json"));

        assertThat(out.get("downloadMbps").doubleValue()).isEqualTo(85.32);
        assertThat(out.get("uploadMbps").doubleValue()).isEqualTo(42.17);
        assertThat(out.get("latencyMs").doubleValue()).isEqualTo(12.0);
        assertThat(out.get("jitterMs").doubleValue()).isEqualTo(1.83);
        assertThat(out.get("operator").asText()).isEqualTo("Viettel Group");
        assertThat(out.get("ipVersion").intValue()).isEqualTo(4);
        assertThat(out.get("client").asText()).isEqualTo("librespeed");

        Measurement m = contract(out);
        assertThat(m.operatorCode()).isEqualTo(Operator.VIETTEL);
        assertThat(m.client()).isEqualTo(ClientKind.LIBRESPEED);
    }

    @Test
    void datesTelemetryWithoutTimestampOnArrival() {
        ObjectNode out = libreSpeed.toContract(fixture("librespeed-telemetry.json"));

        assertThat(out.get("measuredAt").asText()).isEqualTo("2026-11-20T14:00:00Z");
    }

    @Test
    void takesNumbersAndATimestampWhenTheSitePostsThem() {
        ObjectNode doc = fixture("librespeed-telemetry.json");
        doc.put("dl", 85.32).put("ping", 12).put("timestamp", "2026-11-20T08:30:00+07:00");

        ObjectNode out = libreSpeed.toContract(doc);

        assertThat(out.get("downloadMbps").doubleValue()).isEqualTo(85.32);
        assertThat(out.get("latencyMs").doubleValue()).isEqualTo(12.0);
        assertThat(out.get("measuredAt").asText()).isEqualTo("2026-11-20T08:30:00+07:00");
    }

    @Test
    void readsTheResidentsFieldsFromExtra() {
        Measurement m = contract(libreSpeed.toContract(fixture("librespeed-telemetry.json")));

        assertThat(m.tdpCode()).isEqualTo("TDP-07");
        assertThat(m.accessType()).isEqualTo(AccessType.FIXED_FIBER);
        assertThat(m.planDownloadMbps()).isEqualTo(100.0);
    }

    @Test
    void ignoresExtraThatIsTheSitesOwnFreeText() {
        ObjectNode doc = fixture("librespeed-telemetry.json");
        doc.put("extra", "campaign-2026");

        ObjectNode out = libreSpeed.toContract(doc);

        assertThat(out.has("tdpCode")).isFalse();
        contract(out);
    }

    @Test
    void takesTheOperatorFromAsNameOrTheProcessedString() {
        ObjectNode lite = fixture("librespeed-telemetry.json");
        lite.put(
                "ispinfo",
                "{\"processedString\":\"14.160.1.2 - VNPT Corp, VN\","
                        + "\"rawIspInfo\":{\"ip\":\"14.160.1.2\",\"as_name\":\"VNPT Corp\"}}");
        ObjectNode noOrg = fixture("librespeed-telemetry.json");
        noOrg.put(
                "ispinfo",
                "{\"processedString\":\"42.112.8.9 - FPT Telecom Company, VN"
                        + " (<20 km)\",\"rawIspInfo\":{\"ip\":\"42.112.8.9\",\"country\":\"VN\"}}");

        assertThat(libreSpeed.toContract(lite).get("operator").asText()).isEqualTo("VNPT Corp");
        assertThat(libreSpeed.toContract(noOrg).get("operator").asText())
                .isEqualTo("FPT Telecom Company");
    }

    @Test
    void guessesNoOperatorWhenTheSiteDidNotLookTheAddressUp() {
        ObjectNode doc = fixture("librespeed-telemetry.json");
        doc.put(
                "ispinfo",
                "{\"processedString\":\"10.0.0.5 - private IPv4 access\",\"rawIspInfo\":\"\"}");

        ObjectNode out = libreSpeed.toContract(doc);

        assertThat(out.has("operator")).isFalse();
        assertNoAddress(out, "10.0.0.5");
    }

    @Test
    void neverCopiesTheAddressLocationOrLog() {
        ObjectNode out = libreSpeed.toContract(fixture("librespeed-telemetry.json"));

        assertNoAddress(out, "113.185.42.17", "static.viettel.vn", "20.8561", "Test started");
    }

    @Test
    void reportsUnreadableAndMissingValuesAtTheirFormField() {
        ObjectNode doc = fixture("librespeed-telemetry.json");
        doc.put("dl", "Fail").put("ul", "").put("ispinfo", "{not json").put("extra", "{tdp");
        doc.remove("ping");
        doc.put("timestamp", "sáng nay");

        assertThat(pointers(violations(libreSpeed, doc)))
                .containsExactlyInAnyOrder(
                        "/dl", "/ul", "/ping", "/timestamp", "/ispinfo", "/extra");
    }

    @Test
    void givesTheSameIdToTheSameTelemetryPostedAtTheSameTime() {
        ObjectNode doc = fixture("librespeed-telemetry.json");

        String first = libreSpeed.toContract(doc).get("id").asText();
        String again = libreSpeed.toContract(doc.deepCopy()).get("id").asText();

        assertThat(again).isEqualTo(first);
    }
}
