package vn.speedwatch.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * The hand-written topic value is byte for byte what the shared mapper writes, so the stream job
 * (which reads with the mapper) and every stored record stay compatible.
 */
class MeasurementEventWriterTest {

    private static final Instant RECEIVED = Instant.parse("2026-11-27T04:00:01.123Z");

    @Test
    void fullEventIsWhatTheMapperWrites() throws Exception {
        assertSameBytes(
                MeasurementEvent.measurement(
                        Fixtures.fullMeasurement(), RECEIVED, "h:9f2c", "probe-07", "0.1.0"));
    }

    @Test
    void minimalEventAndErasureAreWhatTheMapperWrites() throws Exception {
        assertSameBytes(
                MeasurementEvent.measurement(
                        Fixtures.measurement(85.5, 40, 12),
                        Instant.parse("2026-11-27T04:00:00Z"),
                        "h:1",
                        null,
                        "0.1.0"));
        assertSameBytes(
                MeasurementEvent.erasure(
                        Fixtures.ID, Instant.parse("2026-11-27T04:10:00.000000001Z"), "0.1.0"));
    }

    @Test
    void theFullFixtureSetsEveryComponentSoANewFieldCannotBeForgotten() throws Exception {
        Measurement full = Fixtures.fullMeasurement();
        for (RecordComponent c : Measurement.class.getRecordComponents()) {
            assertThat(c.getAccessor().invoke(full)).as(c.getName()).isNotNull();
        }
    }

    @Property(tries = 300)
    void anyMeasurementIsWhatTheMapperWrites(
            @ForAll("measurements") Measurement m, @ForAll("instants") Instant receivedAt)
            throws Exception {
        assertSameBytes(
                MeasurementEvent.measurement(m, receivedAt, "h:\"quoted\"\n", null, "0.1.0"));
    }

    @Provide
    Arbitrary<Measurement> measurements() {
        Arbitrary<Double> numbers =
                Arbitraries.oneOf(
                                Arbitraries.doubles().between(-1e7, 1e7),
                                Arbitraries.of(
                                        0.0,
                                        -0.0,
                                        0.1,
                                        1e-7,
                                        1e21,
                                        123456789.125,
                                        Double.MIN_VALUE))
                        .injectNull(0.2);
        Arbitrary<String> texts = Arbitraries.strings().all().ofMaxLength(20).injectNull(0.3);
        Arbitrary<OffsetDateTime> times =
                Combinators.combine(
                                instants(), Arbitraries.integers().between(-18 * 3600, 18 * 3600))
                        .as((at, offset) -> at.atOffset(ZoneOffset.ofTotalSeconds(offset)));
        Arbitrary<Measurement> first =
                Combinators.combine(
                                times, numbers, numbers, numbers, numbers, numbers, numbers, texts)
                        .as(
                                (at, a, b, c, d, e, f, op) ->
                                        new Measurement(
                                                UUID.randomUUID(),
                                                at,
                                                a,
                                                b,
                                                c,
                                                d,
                                                e,
                                                f,
                                                op,
                                                null,
                                                null,
                                                null,
                                                null,
                                                null,
                                                null,
                                                null,
                                                null,
                                                null,
                                                null,
                                                null,
                                                null));
        return Combinators.combine(
                        first,
                        Arbitraries.of(AccessType.class).injectNull(0.2),
                        numbers,
                        numbers,
                        texts,
                        Arbitraries.of(ClientKind.class).injectNull(0.2),
                        Arbitraries.of(4, 6).injectNull(0.3),
                        Arbitraries.of(true, false).injectNull(0.3))
                .as(
                        (m, access, lat, lon, note, client, ip, consent) ->
                                new Measurement(
                                        m.id(),
                                        m.measuredAt(),
                                        m.downloadMbps(),
                                        m.uploadMbps(),
                                        m.latencyMs(),
                                        m.jitterMs(),
                                        m.packetLossPercent(),
                                        m.loadedLatencyMs(),
                                        m.operator(),
                                        access,
                                        lat,
                                        lon,
                                        lat,
                                        lon,
                                        lat,
                                        note,
                                        note,
                                        client,
                                        ip,
                                        consent,
                                        note));
    }

    @Provide
    Arbitrary<Instant> instants() {
        return Combinators.combine(
                        Arbitraries.longs().between(0, 4_102_444_800L),
                        Arbitraries.oneOf(
                                Arbitraries.of(0, 1, 100_000_000, 123_000_000, 123_456_000),
                                Arbitraries.integers().between(0, 999_999_999)))
                .as(Instant::ofEpochSecond);
    }

    private static void assertSameBytes(MeasurementEvent event) throws Exception {
        String expected =
                new String(
                        Json.mapper().writeValueAsBytes(event),
                        java.nio.charset.StandardCharsets.UTF_8);
        assertThat(
                        new String(
                                MeasurementEventWriter.write(event),
                                java.nio.charset.StandardCharsets.UTF_8))
                .isEqualTo(expected);
    }
}
