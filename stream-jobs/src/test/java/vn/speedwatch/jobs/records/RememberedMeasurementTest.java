package vn.speedwatch.jobs.records;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

class RememberedMeasurementTest {

    final DataOutputSerializer buffer = new DataOutputSerializer(16);

    @Test
    void anErasureCarriesEveryRememberedFieldOfAFullMeasurement() {
        ParsedEvent m = measurement();
        m.planDownloadMbps = 300.0;
        m.planUploadMbps = 100.0;
        m.latitude = 20.9123456789;
        m.longitude = 106.6543210987;
        m.chosenTdpCode = "TDP-07";
        m.operatorRaw = "VNPT VinaPhone";
        m.deviceHash = "dev-ẞ-42"; // not ASCII

        ParsedEvent e = RememberedMeasurement.erasure(remember(m), m.id, 99L);

        assertErasureOf(m, e);
    }

    @Test
    void absentOptionalFieldsStayAbsent() {
        ParsedEvent m = measurement();

        ParsedEvent e = RememberedMeasurement.erasure(remember(m), m.id, 99L);

        assertErasureOf(m, e);
        assertThat(e.planDownloadMbps).isNull();
        assertThat(e.latitude).isNull();
        assertThat(e.chosenTdpCode).isNull();
        assertThat(e.deviceHash).isNull();
    }

    @Test
    void oneBufferEncodesOneMeasurementAfterAnother() {
        ParsedEvent first = measurement();
        first.deviceHash = "a-long-device-hash-".repeat(8);
        ParsedEvent second = measurement();
        second.downloadMbps = 7.5;

        byte[] a = remember(first);
        byte[] b = remember(second);

        assertErasureOf(first, RememberedMeasurement.erasure(a, first.id, 99L));
        assertErasureOf(second, RememberedMeasurement.erasure(b, second.id, 99L));
        assertThat(b.length).isLessThan(a.length);
    }

    @Test
    void anErasedIdIsMarkedAndAMeasurementIsNot() {
        assertThat(RememberedMeasurement.isErasedId(RememberedMeasurement.erasedId())).isTrue();
        assertThat(RememberedMeasurement.isErasedId(remember(measurement()))).isFalse();
    }

    private byte[] remember(ParsedEvent m) {
        return RememberedMeasurement.of(m, buffer);
    }

    private static ParsedEvent measurement() {
        ParsedEvent m = new ParsedEvent();
        m.type = ParsedEvent.MEASUREMENT;
        m.id = "5eed0000-0000-0000-0000-000000000001";
        m.measuredAtMillis = 1_793_000_000_123L;
        m.receivedAtMillis = 1_793_000_005_000L;
        m.downloadMbps = 85.25;
        m.uploadMbps = 21.5;
        m.latencyMs = 18.0;
        m.accessType = "MOBILE_4G";
        return m;
    }

    private static void assertErasureOf(ParsedEvent m, ParsedEvent e) {
        assertThat(e.isErasure()).isTrue();
        assertThat(e.erasedKnown).isTrue();
        assertThat(e.id).isEqualTo(m.id);
        assertThat(e.receivedAtMillis).isEqualTo(99L);
        assertThat(e)
                .usingRecursiveComparison()
                .comparingOnlyFields(
                        "measuredAtMillis",
                        "downloadMbps",
                        "uploadMbps",
                        "latencyMs",
                        "operatorRaw",
                        "accessType",
                        "planDownloadMbps",
                        "planUploadMbps",
                        "latitude",
                        "longitude",
                        "chosenTdpCode",
                        "deviceHash")
                .isEqualTo(m);
    }
}
