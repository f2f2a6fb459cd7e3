package vn.speedwatch.collector.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class BodyReaderTest {

    private final BodyReader reader = new BodyReader(3);

    @Test
    void readsAnObjectAnArrayAndNdjsonLines() {
        assertThat(read("{\"a\":1}", false)).hasSize(1);
        assertThat(read("[{\"a\":1},{\"a\":2}]", false))
                .extracting(BodyItem::index)
                .containsExactly(0, 1);
        List<BodyItem> lines = read("{\"a\":1}\r\n\n{oops\n{\"a\":3}\n", true);
        assertThat(lines).extracting(BodyItem::readable).containsExactly(true, false, true);
        assertThat(lines.get(1).problems().get(0).pointer()).isEqualTo("/1");
        assertThat(lines.get(1).problems().get(0).messageVi()).startsWith("Dòng 2");
    }

    @Test
    void refusesUnreadableBodiesWithTheRightStatus() {
        assertStatus("", false, 400);
        assertStatus("{\"a\":1} {", false, 400);
        assertStatus("{\"a\":1,\"a\":2}", false, 400);
        assertStatus("{\"a\":NaN}", false, 400);
        assertStatus("{\"a\":" + "9".repeat(100) + "}", false, 400);
        assertStatus("[".repeat(40) + "]".repeat(40), false, 400);
        assertStatus("[]", false, 422);
        assertStatus("[{},{},{},{}]", false, 413);
        assertStatus("{}\n{}\n{}\n{}", true, 413);
        byte[] invalidUtf8 = {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
        assertThatThrownBy(() -> reader.read(invalidUtf8, false))
                .isInstanceOfSatisfying(BodyError.class, e -> assertThat(e.status()).isEqualTo(400))
                .hasMessageContaining("UTF-8");
    }

    private List<BodyItem> read(String body, boolean ndjson) {
        return reader.read(body.getBytes(StandardCharsets.UTF_8), ndjson);
    }

    private void assertStatus(String body, boolean ndjson, int status) {
        assertThatThrownBy(() -> read(body, ndjson))
                .as(body)
                .isInstanceOfSatisfying(
                        BodyError.class, e -> assertThat(e.status()).isEqualTo(status));
    }
}
