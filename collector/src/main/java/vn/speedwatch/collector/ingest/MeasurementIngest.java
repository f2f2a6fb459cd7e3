package vn.speedwatch.collector.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.Context;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import vn.speedwatch.collector.adapters.AdapterException;
import vn.speedwatch.collector.adapters.ResultAdapter;
import vn.speedwatch.collector.protect.ReceiptCodec;
import vn.speedwatch.model.MeasurementEvent;
import vn.speedwatch.model.MeasurementParser;
import vn.speedwatch.model.ParseResult;
import vn.speedwatch.model.Violation;

/**
 * The path every submitted item takes: optional format adapter, contract parsing and validation,
 * then publication of a {@link MeasurementEvent} built from the parsed measurement only (the
 * client's JSON is never passed through). Receipts are issued only for published items.
 */
public final class MeasurementIngest {

    private final MeasurementParser parser;
    private final KafkaPublisher publisher;
    private final ReceiptCodec receipts;
    private final Clock clock;
    private final String version;

    public MeasurementIngest(
            MeasurementParser parser,
            KafkaPublisher publisher,
            ReceiptCodec receipts,
            Clock clock,
            String version) {
        this.parser = parser;
        this.publisher = publisher;
        this.receipts = receipts;
        this.clock = clock;
        this.version = version;
    }

    /** Adapts and validates every item; nothing is published yet. */
    public List<ItemResult> validate(
            List<BodyItem> items, Optional<ResultAdapter> adapter, boolean batch) {
        List<ItemResult> results = new ArrayList<>(items.size());
        for (BodyItem item : items) {
            results.add(validate(item, adapter, batch));
        }
        return results;
    }

    private ItemResult validate(BodyItem item, Optional<ResultAdapter> adapter, boolean batch) {
        if (!item.readable()) {
            return ItemResult.rejected(item.index(), item.problems());
        }
        ParseResult parsed;
        try {
            JsonNode contract =
                    adapter.isPresent() ? adapter.get().toContract(item.node()) : item.node();
            parsed = parser.parse(contract);
        } catch (AdapterException e) {
            parsed = ParseResult.invalid(e.violations());
        } catch (RuntimeException e) {
            // An adapter bug must not become a 5xx for a resident's input.
            parsed =
                    ParseResult.invalid(
                            List.of(
                                    new Violation(
                                            "",
                                            "Không đọc được kết quả theo định dạng đã chọn",
                                            "The result could not be read in the chosen format")));
        }
        if (parsed.isValid()) {
            return ItemResult.valid(item.index(), parsed.measurement());
        }
        List<Violation> v =
                batch ? Violation.atIndex(item.index(), parsed.violations()) : parsed.violations();
        return ItemResult.rejected(item.index(), v);
    }

    /**
     * Publishes the valid results; succeeds, with receipts added, only if Kafka acknowledged all of
     * them, and fails otherwise so that nothing is reported as accepted.
     */
    public Future<List<ItemResult>> publish(
            Context context, List<ItemResult> results, String clientHash, String apiKeyId) {
        Instant receivedAt = clock.instant(); // one request, one arrival time
        List<MeasurementEvent> events = new ArrayList<>(results.size());
        for (ItemResult r : results) {
            if (r.accepted()) {
                events.add(
                        MeasurementEvent.measurement(
                                r.measurement(), receivedAt, clientHash, apiKeyId, version));
            }
        }
        return publisher
                .publishAll(context, events)
                .map(
                        done ->
                                results.stream()
                                        .map(
                                                r ->
                                                        r.accepted()
                                                                ? r.withReceipt(
                                                                        receipts.issue(r.id()))
                                                                : r)
                                        .toList());
    }

    /** Sends the erasure tombstone for a measurement the resident asked to delete. */
    public Future<Void> erase(Context context, UUID id) {
        return publisher.publish(context, MeasurementEvent.erasure(id, clock.instant(), version));
    }
}
