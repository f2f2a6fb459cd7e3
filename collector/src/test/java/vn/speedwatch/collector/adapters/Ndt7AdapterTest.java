package vn.speedwatch.collector.adapters;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.speedwatch.collector.adapters.AdapterTesting.adapter;
import static vn.speedwatch.collector.adapters.AdapterTesting.assertNoAddress;
import static vn.speedwatch.collector.adapters.AdapterTesting.contract;
import static vn.speedwatch.collector.adapters.AdapterTesting.envelope;
import static vn.speedwatch.collector.adapters.AdapterTesting.fixture;
import static vn.speedwatch.collector.adapters.AdapterTesting.json;
import static vn.speedwatch.collector.adapters.AdapterTesting.pointers;
import static vn.speedwatch.collector.adapters.AdapterTesting.violations;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import vn.speedwatch.model.ClientKind;
import vn.speedwatch.model.Measurement;

class Ndt7AdapterTest {

    private static final String SERVER = "ndt-mlab1-han01.mlab-oti.measurement-lab.org";

    private final ResultAdapter ndt7 = adapter("ndt7");

    @Test
    void mapsTheClientSummary() {
        ObjectNode out = ndt7.toContract(fixture("ndt7-summary.json"));

        assertThat(out.get("downloadMbps").doubleValue()).isEqualTo(93.6);
        assertThat(out.get("uploadMbps").doubleValue()).isEqualTo(41.25);
        assertThat(out.get("latencyMs").doubleValue()).isEqualTo(23.172);
        assertThat(out.get("packetLossPercent").doubleValue()).isEqualTo(0.3);
        assertThat(out.get("server").asText()).isEqualTo(SERVER);
        assertThat(out.get("ipVersion").intValue()).isEqualTo(6);
        assertThat(out.get("measuredAt").asText()).isEqualTo("2026-11-20T14:00:00Z");
        assertThat(out.get("client").asText()).isEqualTo("ndt7");
        assertThat(contract(out).client()).isEqualTo(ClientKind.NDT7);
    }

    @Test
    void mapsTheEarlierFlatSummary() {
        ObjectNode out = ndt7.toContract(fixture("ndt7-summary-legacy.json"));

        assertThat(out.get("downloadMbps").doubleValue()).isEqualTo(87.5);
        assertThat(out.get("uploadMbps").doubleValue()).isEqualTo(38.75);
        assertThat(out.get("latencyMs").doubleValue()).isEqualTo(19.5);
        assertThat(out.get("packetLossPercent").doubleValue()).isEqualTo(0.5);
        assertThat(out.get("ipVersion").intValue()).isEqualTo(4);
        contract(out);
    }

    @Test
    void convertsMeasurementMessagesFromBytesAndMicroseconds() {
        ObjectNode out = ndt7.toContract(fixture("ndt7-measurements.json"));

        // 117 000 000 B × 8 / 10 000 000 µs; upload at the server: 51 562 500 B × 8 / 10 s.
        assertThat(out.get("downloadMbps").doubleValue()).isEqualTo(93.6);
        assertThat(out.get("uploadMbps").doubleValue()).isEqualTo(41.25);
        assertThat(out.get("latencyMs").doubleValue()).isEqualTo(23.172);
        assertThat(out.get("loadedLatencyMs").doubleValue()).isEqualTo(48.25);
        assertThat(out.get("jitterMs").doubleValue()).isEqualTo(3.125);
        // 354 000 retransmitted of 118 000 000 bytes sent.
        assertThat(out.get("packetLossPercent").doubleValue()).isEqualTo(0.3);
        assertThat(out.get("server").asText()).isEqualTo(SERVER);
        assertThat(out.get("ipVersion").intValue()).isEqualTo(6);
        Measurement m = contract(out);
        assertThat(m.downloadMbps()).isEqualTo(93.6);
    }

    @Test
    void measuresUploadAtTheClientWhenTheServerSentNoTcpInfo() {
        ObjectNode doc = fixture("ndt7-measurements.json");
        doc.withObject("/Upload").remove("Server");

        // 52 000 000 B × 8 / 10 000 000 µs
        assertThat(ndt7.toContract(doc).get("uploadMbps").doubleValue()).isEqualTo(41.6);
    }

    @Test
    void givesOneTestTheSameIdInEveryShape() {
        String fromSummary = ndt7.toContract(fixture("ndt7-summary.json")).get("id").asText();
        String fromMessages = ndt7.toContract(fixture("ndt7-measurements.json")).get("id").asText();

        assertThat(fromMessages).isEqualTo(fromSummary);
    }

    @Test
    void takesTheTestTimeFromTheContext() {
        ObjectNode posted =
                envelope(
                        fixture("ndt7-summary.json"),
                        "{\"measuredAt\": \"20/11/2026 20:10\", \"accessType\": \"MOBILE_4G\"}");

        ObjectNode out = ndt7.toContract(posted);

        assertThat(out.get("measuredAt").asText()).isEqualTo("2026-11-20T20:10:00+07:00");
        assertThat(out.get("accessType").asText()).isEqualTo("MOBILE_4G");
    }

    @Test
    void neverCopiesClientOrServerAddresses() {
        for (String name :
                new String[] {
                    "ndt7-summary.json", "ndt7-summary-legacy.json", "ndt7-measurements.json"
                }) {
            assertNoAddress(
                    ndt7.toContract(fixture(name)),
                    "2402:800",
                    "2001:dc8",
                    "203.162.31.7",
                    "27.72.101.46",
                    "50412");
        }
    }

    @Test
    void reportsMissingWrongUnitAndZeroElapsedAtTheirPointers() {
        ObjectNode summary = fixture("ndt7-summary.json");
        summary.withObject("/Download/Throughput").put("Unit", "kbit/s");
        summary.withObject("/Upload").remove("Throughput");
        ObjectNode messages = fixture("ndt7-measurements.json");
        messages.withObject("/Download/Client/AppInfo").put("ElapsedTime", 0);
        messages.withObject("/Download/Server/TCPInfo").put("MinRTT", "23172");

        assertThat(pointers(violations(ndt7, summary)))
                .containsExactlyInAnyOrder("/Download/Throughput/Unit", "/Upload/Throughput");
        assertThat(pointers(violations(ndt7, messages)))
                .containsExactlyInAnyOrder(
                        "/Download/Client/AppInfo/ElapsedTime", "/Download/Server/TCPInfo/MinRTT");
    }

    @Test
    void treatsPairsGoLeftUnfilledAsNotMeasured() {
        ObjectNode doc = fixture("ndt7-summary.json");
        doc.withObject("/Download/Retransmission").put("Value", 0).put("Unit", "");
        ObjectNode noUpload = fixture("ndt7-summary.json");
        noUpload.withObject("/Upload/Throughput").put("Value", 0).put("Unit", "");

        assertThat(ndt7.toContract(doc).has("packetLossPercent")).isFalse();
        assertThat(pointers(violations(ndt7, noUpload))).containsExactly("/Upload/Throughput");
    }

    @Test
    void refusesAResultWithoutARecognisableDownload() {
        assertThat(pointers(violations(ndt7, json("{\"ServerFQDN\": \"x\"}"))))
                .containsExactly("/Download");
        assertThat(pointers(violations(ndt7, json("{\"Download\": {\"Speed\": 93.6}}"))))
                .containsExactly("/Download");
        assertThat(pointers(violations(ndt7, json("{\"Download\": 93.6}"))))
                .containsExactly("/Download");
    }
}
