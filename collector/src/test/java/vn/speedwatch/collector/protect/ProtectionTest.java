package vn.speedwatch.collector.protect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProtectionTest {

    private static final byte[] SECRET = "s3cret".getBytes(StandardCharsets.UTF_8);

    @Test
    void aReceiptNamesItsMeasurementAndCannotBeForged() {
        ReceiptCodec codec = new ReceiptCodec(SECRET);
        UUID id = UUID.randomUUID();
        String receipt = codec.issue(id);

        assertThat(codec.verify(receipt)).contains(id);
        assertThat(new ReceiptCodec("other".getBytes(StandardCharsets.UTF_8)).verify(receipt))
                .isEmpty();
        String otherId = codec.issue(UUID.randomUUID()).split("\\.")[0];
        assertThat(codec.verify(otherId + "." + receipt.split("\\.")[1])).isEmpty();
        assertThat(codec.verify("no-dot")).isEmpty();
        assertThat(codec.verify("!!!.???")).isEmpty();
        assertThat(codec.verify(receipt + "x".repeat(100))).isEmpty();
    }

    @Test
    void clientHashesHideTheAddressAndSurviveASecretRotation() {
        ClientHasher before = new ClientHasher(SECRET, Optional.empty());
        ClientHasher after =
                new ClientHasher("new".getBytes(StandardCharsets.UTF_8), Optional.of(SECRET));
        String hash = before.hash("203.113.7.9");

        assertThat(hash).hasSize(22).doesNotContain("203").isEqualTo(before.hash("203.113.7.9"));
        assertThat(after.hash("203.113.7.9")).isNotEqualTo(hash);
        assertThat(after.matches("203.113.7.9", hash)).isTrue();
        assertThat(after.matches("203.113.7.10", hash)).isFalse();
    }

    @Test
    void apiKeysAreConfiguredHashedAndIdentifiedByTheirPlainValue() {
        ApiKeys keys =
                ApiKeys.parse(
                        List.of(
                                "probe-1:" + ApiKeys.hashOf("k1"),
                                "probe-2:" + ApiKeys.hashOf("k2").toUpperCase()));

        assertThat(keys.identify("k1")).contains("probe-1");
        assertThat(keys.identify("k2")).contains("probe-2");
        assertThat(keys.identify("k3")).isEmpty();
        assertThat(keys.identify(null)).isEmpty();
        assertThatThrownBy(() -> ApiKeys.parse(List.of("probe-1:plaintext")))
                .hasMessageContaining("probe-1")
                .hasMessageNotContaining("plaintext");
    }

    @Test
    void tokenBucketAllowsABurstThenRefillsAtTheRate() {
        AtomicLong now = new AtomicLong();
        RateLimiter limiter = new RateLimiter(2, 3, now::get);

        assertThat(limiter.acquire("a")).isZero();
        assertThat(limiter.acquire("a")).isZero();
        assertThat(limiter.acquire("a")).isZero();
        assertThat(limiter.acquire("a")).isEqualTo(Duration.ofMillis(500));
        assertThat(limiter.acquire("b")).isZero();
        now.addAndGet(Duration.ofMillis(500).toNanos());
        assertThat(limiter.acquire("a")).isZero();
        now.addAndGet(Duration.ofSeconds(10).toNanos());
        limiter.evictIdle();
        assertThat(limiter.trackedClients()).isZero();
    }

    @Test
    void forwardedForIsHonouredOnlyFromTrustedProxies() {
        ClientAddressResolver r = new ClientAddressResolver(List.of("10.0.0.0/8", "::1"));

        assertThat(r.resolve("198.51.100.4", "1.2.3.4")).isEqualTo("198.51.100.4");
        assertThat(r.resolve("10.1.2.3", "1.2.3.4")).isEqualTo("1.2.3.4");
        assertThat(r.resolve("10.1.2.3", "6.6.6.6, 1.2.3.4, 10.9.9.9")).isEqualTo("1.2.3.4");
        assertThat(r.resolve("::1", "2001:db8::7")).isEqualTo("2001:db8::7");
        assertThat(r.resolve("10.1.2.3", "not-an-ip.example")).isEqualTo("10.1.2.3");
        assertThat(r.resolve("10.1.2.3", null)).isEqualTo("10.1.2.3");
        assertThatThrownBy(() -> new ClientAddressResolver(List.of("proxy.local")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
