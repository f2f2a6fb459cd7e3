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
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.speedwatch.model.AccessType;
import vn.speedwatch.model.ClientKind;
import vn.speedwatch.model.Json;
import vn.speedwatch.model.Measurement;
import vn.speedwatch.model.Operator;

class OoklaAdapterTest {

    private final ResultAdapter ookla = adapter("ookla");

    @Test
    void mapsEveryFieldOfASpeedtestCliResult() {
        ObjectNode out = ookla.toContract(fixture("ookla-result.json"));

        assertThat(out.get("id").asText()).isEqualTo("5b4c2f0e-8d1a-4c3b-9e77-2a6f0d9c1e3b");
        assertThat(out.get("measuredAt").asText()).isEqualTo("2026-11-20T03:12:45Z");
        assertThat(out.get("downloadMbps").doubleValue()).isEqualTo(94.105744);
        assertThat(out.get("uploadMbps").doubleValue()).isEqualTo(41.031808);
        assertThat(out.get("latencyMs").doubleValue()).isEqualTo(6.512);
        assertThat(out.get("jitterMs").doubleValue()).isEqualTo(1.204);
        assertThat(out.get("loadedLatencyMs").doubleValue()).isEqualTo(38.207);
        assertThat(out.get("packetLossPercent").doubleValue()).isEqualTo(0.25);
        assertThat(out.get("operator").asText()).isEqualTo("Viettel");
        assertThat(out.get("server").asText())
                .isEqualTo("Viettel Network - Hai Phong (speedtestkv1a.viettel.vn)");
        assertThat(out.get("ipVersion").intValue()).isEqualTo(4);
        assertThat(out.get("client").asText()).isEqualTo("ookla-cli");

        Measurement m = contract(out);
        assertThat(m.client()).isEqualTo(ClientKind.OOKLA_CLI);
        assertThat(m.operatorCode()).isEqualTo(Operator.VIETTEL);
    }

    @Test
    void convertsBytesPerSecondToMegabitsExactly() {
        ObjectNode doc = fixture("ookla-result.json");
        doc.withObject("/download").put("bandwidth", 12_500_000);
        doc.withObject("/upload").put("bandwidth", 1);

        ObjectNode out = ookla.toContract(doc);

        assertThat(out.get("downloadMbps").doubleValue()).isEqualTo(100.0);
        assertThat(out.get("uploadMbps").doubleValue()).isEqualTo(0.000008);
    }

    @Test
    void neverCopiesAnAddressOrDeviceDetail() {
        ObjectNode out = ookla.toContract(fixture("ookla-result.json"));

        assertNoAddress(
                out, "27.72.101.46", "192.168.1.23", "203.113.131.2", "3C:22:FB:8A:41:0E", "wlan0");
    }

    @Test
    void leavesOutAServerHostThatIsAnAddress() {
        ObjectNode doc = fixture("ookla-result.json");
        doc.withObject("/server").put("host", "203.113.131.2");

        ObjectNode out = ookla.toContract(doc);

        assertThat(out.get("server").asText()).isEqualTo("Viettel Network - Hai Phong");
        assertNoAddress(out, "203.113.131.2");
    }

    @Test
    void derivesTheSameIdWhenTheSameResultIsPostedAgainFromAnotherAddress() {
        ObjectNode first = fixture("ookla-result.json");
        first.remove("result");
        ObjectNode again = first.deepCopy();
        again.withObject("/interface").put("externalIp", "113.185.9.9");
        ObjectNode other = first.deepCopy();
        other.withObject("/download").put("bandwidth", 11763219);

        String id = ookla.toContract(first).get("id").asText();

        assertThat(UUID.fromString(id).version()).isEqualTo(3);
        assertThat(ookla.toContract(again).get("id").asText()).isEqualTo(id);
        assertThat(ookla.toContract(other).get("id").asText()).isNotEqualTo(id);
    }

    @Test
    void takesResidentFieldsFromTheContextAndLetsTheOperatorOverrideTheIsp() {
        ObjectNode posted =
                envelope(
                        fixture("ookla-result.json"),
                        """
                {"operator": "VNPT-VinaPhone", "accessType": "FIXED_FIBER", "tdpCode": "TDP-07",
                 "latitude": "20,9312", "longitude": 106.6724, "consent": "true",
                 "planDownloadMbps": "100", "ip": "113.185.9.9", "deviceName": "Redmi"}""");

        ObjectNode out = ookla.toContract(posted);

        Measurement m = contract(out);
        assertThat(m.operatorCode()).isEqualTo(Operator.VNPT);
        assertThat(m.accessType()).isEqualTo(AccessType.FIXED_FIBER);
        assertThat(m.tdpCode()).isEqualTo("TDP-07");
        assertThat(m.latitude()).isEqualTo(20.9312);
        assertThat(m.longitude()).isEqualTo(106.6724);
        assertThat(m.consent()).isTrue();
        assertThat(m.planDownloadMbps()).isEqualTo(100.0);
        assertThat(m.downloadMbps()).isEqualTo(94.105744);
        assertThat(out.has("ip")).isFalse();
        assertThat(out.has("deviceName")).isFalse();
        assertNoAddress(out, "113.185.9.9");
    }

    @Test
    void acceptsAContextMemberBesideABareResultWithoutChangingItsId() {
        ObjectNode bare = fixture("ookla-result.json");
        bare.remove("result");
        ObjectNode withContext = bare.deepCopy();
        withContext.set("context", json("{\"tdpCode\": \"TDP-07\"}"));

        ObjectNode out = ookla.toContract(withContext);

        assertThat(out.get("tdpCode").asText()).isEqualTo("TDP-07");
        assertThat(out.get("id")).isEqualTo(ookla.toContract(bare).get("id"));
    }

    @Test
    void keepsTheToolsTimeWhenTheContextAlsoGivesOne() {
        ObjectNode posted =
                envelope(
                        fixture("ookla-result.json"),
                        "{\"measuredAt\": \"2026-11-20T09:00:00+07:00\"}");

        assertThat(ookla.toContract(posted).get("measuredAt").asText())
                .isEqualTo("2026-11-20T03:12:45Z");
    }

    @Test
    void refusesMeasuredValuesInTheContext() {
        ObjectNode posted =
                envelope(
                        fixture("ookla-result.json"),
                        "{\"downloadMbps\": 500, \"id\": \"0f8fad5b-d9cb-469f-a165-70867728950e\"}");

        assertThat(pointers(violations(ookla, posted)))
                .containsExactlyInAnyOrder("/context/id", "/context/downloadMbps");
    }

    @Test
    void reportsEveryMissingOrMistypedFieldAtItsSourcePointer() {
        ObjectNode doc = fixture("ookla-result.json");
        doc.withObject("/download").remove("bandwidth");
        doc.withObject("/upload").put("bandwidth", "5128976");
        doc.withObject("/ping").remove("latency");
        doc.put("timestamp", "hôm qua");
        doc.put("isp", 7552);

        assertThat(pointers(violations(ookla, doc)))
                .containsExactlyInAnyOrder(
                        "/timestamp",
                        "/download/bandwidth",
                        "/upload/bandwidth",
                        "/ping/latency",
                        "/isp");
    }

    @Test
    void refusesANumberTooLargeToBeFinite() {
        ObjectNode doc =
                json(
                        fixture("ookla-result.json")
                                .toString()
                                .replace("\"bandwidth\":11763218", "\"bandwidth\":1e400"));

        assertThat(pointers(violations(ookla, doc))).containsExactly("/download/bandwidth");
    }

    @Test
    void reportsAMissingTimestamp() {
        ObjectNode doc = fixture("ookla-result.json");
        doc.remove("timestamp");

        assertThat(violations(ookla, doc))
                .singleElement()
                .satisfies(
                        v -> {
                            assertThat(v.pointer()).isEqualTo("/timestamp");
                            assertThat(v.messageVi()).isEqualTo("Thiếu giá trị bắt buộc");
                        });
    }

    @Test
    void pointsIntoTheEnvelopeWhenTheResultIsWrapped() {
        ObjectNode doc = fixture("ookla-result.json");
        doc.withObject("/download").remove("bandwidth");

        assertThat(pointers(violations(ookla, envelope(doc, "{\"latitude\": \"bắc\"}"))))
                .containsExactlyInAnyOrder("/result/download/bandwidth", "/context/latitude");
    }

    @Test
    void refusesProgressLinesAndDocumentsThatAreNotObjects() {
        ObjectNode progress = fixture("ookla-result.json");
        progress.put("type", "testStart");

        assertThat(pointers(violations(ookla, progress))).containsExactly("/type");
        assertThat(pointers(violations(ookla, json("{\"result\": [1, 2]}"))))
                .containsExactly("/result");
        assertThat(pointers(violations(ookla, Json.mapper().createArrayNode())))
                .containsExactly("");
        assertThat(pointers(violations(ookla, null))).containsExactly("");
    }
}
