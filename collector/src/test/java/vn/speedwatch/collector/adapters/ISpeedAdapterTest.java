package vn.speedwatch.collector.adapters;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.speedwatch.collector.adapters.AdapterTesting.adapter;
import static vn.speedwatch.collector.adapters.AdapterTesting.contract;
import static vn.speedwatch.collector.adapters.AdapterTesting.fixture;
import static vn.speedwatch.collector.adapters.AdapterTesting.pointers;
import static vn.speedwatch.collector.adapters.AdapterTesting.violations;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.speedwatch.model.AccessType;
import vn.speedwatch.model.ClientKind;
import vn.speedwatch.model.Measurement;
import vn.speedwatch.model.Operator;

class ISpeedAdapterTest {

    private final ResultAdapter iSpeed = adapter("ispeed");

    @Test
    void mapsTypedValuesWithDecimalCommasAndTheFormsFields() {
        ObjectNode out = iSpeed.toContract(fixture("ispeed-manual.json"));

        assertThat(out.get("downloadMbps").doubleValue()).isEqualTo(85.3);
        assertThat(out.get("uploadMbps").doubleValue()).isEqualTo(42.7);
        assertThat(out.get("latencyMs").doubleValue()).isEqualTo(12.0);
        assertThat(out.get("measuredAt").asText()).isEqualTo("2026-11-20T12:45:00+07:00");
        assertThat(out.get("server").asText()).isEqualTo("VNPT Hải Phòng");
        assertThat(out.get("client").asText()).isEqualTo("i-speed-manual");

        Measurement m = contract(out);
        assertThat(m.client()).isEqualTo(ClientKind.I_SPEED_MANUAL);
        assertThat(m.operatorCode()).isEqualTo(Operator.VNPT);
        assertThat(m.accessType()).isEqualTo(AccessType.FIXED_FIBER);
        assertThat(m.tdpCode()).isEqualTo("TDP-07");
        assertThat(m.latitude()).isEqualTo(20.9312);
        assertThat(m.longitude()).isEqualTo(106.6724);
        assertThat(m.accuracyM()).isEqualTo(15.0);
        assertThat(m.consent()).isTrue();
        assertThat(m.planDownloadMbps()).isEqualTo(150.0);
        assertThat(m.note()).isEqualTo("Đo buổi tối, mạng chập chờn");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "20/11/2026 12:45",
                "12:45 20/11/2026",
                "2026-11-20T12:45",
                "2026-11-20T05:45:00Z",
                "20/11/2026 12:45:00"
            })
    void readsTheTimeAsVietnameseLocalTimeOrIso(String typed) {
        ObjectNode doc = fixture("ispeed-manual.json");
        doc.put("time", typed);

        Measurement m = contract(iSpeed.toContract(doc));

        assertThat(m.measuredAt().toInstant()).hasToString("2026-11-20T05:45:00Z");
    }

    @Test
    void acceptsJsonNumbersToo() {
        ObjectNode doc = fixture("ispeed-manual.json");
        doc.put("download", 85.3).put("upload", 42).put("ping", 12.5);

        ObjectNode out = iSpeed.toContract(doc);

        assertThat(out.get("downloadMbps").doubleValue()).isEqualTo(85.3);
        assertThat(out.get("uploadMbps").doubleValue()).isEqualTo(42.0);
        assertThat(out.get("latencyMs").doubleValue()).isEqualTo(12.5);
    }

    @Test
    void refusesAmbiguousOrUnreadableEntriesAtTheirField() {
        ObjectNode doc = fixture("ispeed-manual.json");
        doc.put("download", "1.000,5").put("upload", "nhanh").put("time", "31/02/2026 10:00");
        doc.put("latitude", "bắc").put("consent", "có");
        doc.remove("ping");

        assertThat(pointers(violations(iSpeed, doc)))
                .containsExactlyInAnyOrder(
                        "/download", "/upload", "/ping", "/time", "/latitude", "/consent");
    }

    @Test
    void refusesANumberInTheWrongUnit() {
        ObjectNode doc = fixture("ispeed-manual.json");
        doc.put("ping", "12 Mbps");

        assertThat(violations(iSpeed, doc))
                .singleElement()
                .satisfies(
                        v -> {
                            assertThat(v.pointer()).isEqualTo("/ping");
                            assertThat(v.messageVi()).startsWith("Không đọc được số \"12 Mbps\"");
                        });
    }

    @Test
    void requiresTheTime() {
        ObjectNode doc = fixture("ispeed-manual.json");
        doc.remove("time");

        assertThat(pointers(violations(iSpeed, doc))).containsExactly("/time");
    }

    @Test
    void givesTheSameIdWhenAnEntryIsSubmittedTwice() {
        String first = iSpeed.toContract(fixture("ispeed-manual.json")).get("id").asText();
        ObjectNode corrected = fixture("ispeed-manual.json");
        corrected.put("download", "58,3");

        assertThat(iSpeed.toContract(fixture("ispeed-manual.json")).get("id").asText())
                .isEqualTo(first);
        assertThat(iSpeed.toContract(corrected).get("id").asText()).isNotEqualTo(first);
    }
}
