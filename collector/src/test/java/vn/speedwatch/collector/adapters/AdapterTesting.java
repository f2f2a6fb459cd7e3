package vn.speedwatch.collector.adapters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.regex.Pattern;
import vn.speedwatch.model.Json;
import vn.speedwatch.model.Measurement;
import vn.speedwatch.model.MeasurementParser;
import vn.speedwatch.model.ParseResult;
import vn.speedwatch.model.ValidationLimits;
import vn.speedwatch.model.Violation;

/** Fixtures and checks shared by the adapter tests. */
final class AdapterTesting {

    /** When the tests "receive" results: the afternoon of the fixtures' day. */
    static final Instant ARRIVAL = Instant.parse("2026-11-20T14:00:00Z");

    static final Clock CLOCK = Clock.fixed(ARRIVAL, ZoneOffset.UTC);

    private static final Pattern IPV4 = Pattern.compile("\\b\\d{1,3}(\\.\\d{1,3}){3}\\b");

    private AdapterTesting() {}

    static ResultAdapter adapter(String format) {
        return ResultAdapters.forFormat(format, CLOCK).orElseThrow();
    }

    /** A fresh copy of {@code src/test/resources/adapters/<name>}. */
    static ObjectNode fixture(String name) {
        try (InputStream in = AdapterTesting.class.getResourceAsStream("/adapters/" + name)) {
            return (ObjectNode) Json.mapper().readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException("fixture " + name, e);
        }
    }

    static ObjectNode json(String text) {
        try {
            return (ObjectNode) Json.mapper().readTree(text);
        } catch (IOException e) {
            throw new IllegalArgumentException(text, e);
        }
    }

    static ObjectNode envelope(JsonNode result, String contextJson) {
        ObjectNode envelope = Json.mapper().createObjectNode();
        envelope.set("result", result);
        envelope.set("context", json(contextJson));
        return envelope;
    }

    /** The output as the collector's contract validation sees it; fails on any violation. */
    static Measurement contract(ObjectNode out) {
        ParseResult parsed =
                new MeasurementParser(ValidationLimits.defaults().withClock(CLOCK)).parse(out);
        assertThat(parsed.violations()).as("contract violations of %s", out).isEmpty();
        return parsed.measurement();
    }

    /** The violations {@code document} fails with; each one is worded in both languages. */
    static List<Violation> violations(ResultAdapter adapter, JsonNode document) {
        AdapterException e =
                catchThrowableOfType(AdapterException.class, () -> adapter.toContract(document));
        assertThat(e).as("mapping should fail").isNotNull();
        assertThat(e.violations())
                .allSatisfy(
                        v -> {
                            assertThat(v.messageVi()).isNotBlank().isNotEqualTo(v.messageEn());
                            assertThat(v.messageEn()).isNotBlank();
                        });
        return e.violations();
    }

    static List<String> pointers(List<Violation> violations) {
        return violations.stream().map(Violation::pointer).toList();
    }

    /** The privacy rule: none of the given addresses, and no IPv4 literal at all, in the output. */
    static void assertNoAddress(ObjectNode out, String... addresses) {
        String text = out.toString();
        assertThat(text).doesNotContain(addresses);
        assertThat(IPV4.matcher(text).find()).as("an IPv4 address in %s", text).isFalse();
    }
}
