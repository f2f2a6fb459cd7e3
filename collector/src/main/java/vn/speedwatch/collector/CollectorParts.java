package vn.speedwatch.collector;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import vn.speedwatch.collector.config.CollectorConfig;
import vn.speedwatch.collector.http.ClientIdentity;
import vn.speedwatch.collector.http.KafkaHealth;
import vn.speedwatch.collector.http.ResultLookup;
import vn.speedwatch.collector.http.SubmissionService;
import vn.speedwatch.collector.ingest.BodyReader;
import vn.speedwatch.collector.ingest.KafkaPublisher;
import vn.speedwatch.collector.ingest.MeasurementIngest;
import vn.speedwatch.collector.protect.ApiKeys;
import vn.speedwatch.collector.protect.ClientAddressResolver;
import vn.speedwatch.collector.protect.ClientHasher;
import vn.speedwatch.collector.protect.RateLimiter;
import vn.speedwatch.collector.protect.ReceiptCodec;
import vn.speedwatch.model.Json;
import vn.speedwatch.model.MeasurementParser;
import vn.speedwatch.model.ValidationLimits;

/**
 * The plain objects behind the verticle's handlers, built once from the config: publisher, parser,
 * limits, receipts, hashing and metrics. Owning them here keeps the verticle to routing.
 */
public record CollectorParts(
        MeterRegistry registry,
        KafkaPublisher publisher,
        MeasurementIngest ingest,
        SubmissionService submissions,
        ReceiptCodec receipts,
        ClientHasher hasher,
        ApiKeys apiKeys,
        ClientAddressResolver addresses,
        RateLimiter anonymousLimiter,
        RateLimiter probeLimiter,
        ResultLookup lookup,
        KafkaHealth kafkaHealth,
        String openApi) {

    /** The collector's version, written into every event for tracing. */
    public static final String VERSION = "0.1.0";

    static CollectorParts build(
            CollectorConfig c,
            MeterRegistry registry,
            ResultLookup lookup,
            ValidationLimits limits) {
        KafkaPublisher publisher =
                new KafkaPublisher(
                        c.kafkaBootstrapServers(), c.kafkaTopic(), c.kafkaSendTimeout(), registry);
        ReceiptCodec receipts = new ReceiptCodec(c.receiptSecret());
        MeasurementIngest ingest =
                new MeasurementIngest(
                        new MeasurementParser(limits),
                        publisher,
                        receipts,
                        Clock.systemUTC(),
                        VERSION);
        SubmissionService submissions =
                new SubmissionService(
                        new BodyReader(c.maxBatch()), ingest, registry, c.kafkaSendTimeout());
        return new CollectorParts(
                registry,
                publisher,
                ingest,
                submissions,
                receipts,
                new ClientHasher(c.ipHashSecret(), c.previousIpHashSecret()),
                ApiKeys.parse(c.apiKeys()),
                new ClientAddressResolver(c.trustedProxies()),
                new RateLimiter(c.ratePerSecond(), c.burst()),
                new RateLimiter(c.apiKeyRatePerSecond(), c.apiKeyBurst()),
                lookup,
                new KafkaHealth(c.kafkaBootstrapServers()),
                readOpenApi());
    }

    /** Takes a rate-limit token: zero, or how long the client must wait. */
    Duration acquire(ClientIdentity client) {
        RateLimiter limiter = client.trustedProbe() ? probeLimiter : anonymousLimiter;
        return limiter.acquire(client.rateKey());
    }

    void evictIdleClients() {
        anonymousLimiter.evictIdle();
        probeLimiter.evictIdle();
    }

    void countRejected(String reason) {
        registry.counter(CollectorMetrics.REJECTED, CollectorMetrics.TAG_REASON, reason)
                .increment();
    }

    void countRequest(String route, int status) {
        registry.counter(
                        CollectorMetrics.HTTP_REQUESTS,
                        CollectorMetrics.TAG_ROUTE,
                        route,
                        CollectorMetrics.TAG_STATUS,
                        Integer.toString(status))
                .increment();
    }

    ObjectNode erasureRequested(UUID id) {
        registry.counter(CollectorMetrics.ERASURES).increment();
        return Json.mapper()
                .createObjectNode()
                .put("id", id.toString())
                .put("state", "ERASURE_REQUESTED")
                .put("message", "Yêu cầu xóa đã được ghi nhận; kết quả sẽ được xóa khỏi hệ thống.")
                .put("messageEn", "The erasure was recorded; the result will be removed.");
    }

    void close() {
        publisher.close();
        kafkaHealth.close();
    }

    private static String readOpenApi() {
        try (InputStream in = CollectorParts.class.getResourceAsStream("/openapi.yaml")) {
            if (in == null) {
                throw new IllegalStateException("openapi.yaml missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
