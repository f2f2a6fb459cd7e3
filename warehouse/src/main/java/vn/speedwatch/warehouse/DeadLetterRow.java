package vn.speedwatch.warehouse;

import static vn.speedwatch.warehouse.Require.text;

import java.time.Instant;

/**
 * One row of {@code dead_letters}: a record the pipeline could not use and why. {@code id} is null
 * until stored; {@code receivedAt} null means "now"; {@code violations} is a JSON document as text.
 * {@code recordRef} names the record itself (its Kafka position, or a hash of key and value): a
 * second row with the same reference is a replay and is not stored; null never matches.
 */
public record DeadLetterRow(
        Long id,
        Instant receivedAt,
        String recordKey,
        String payload,
        String reason,
        String violations,
        String recordRef) {

    /** Payloads are kept for diagnosis only, so a few KiB are enough. */
    public static final int MAX_PAYLOAD_CHARS = 4096;

    public DeadLetterRow {
        text(reason, "dead_letters", "reason");
        if (payload != null && payload.length() > MAX_PAYLOAD_CHARS) {
            payload = payload.substring(0, MAX_PAYLOAD_CHARS);
        }
    }

    /** A new dead letter received now, with no record reference. */
    public static DeadLetterRow of(
            String recordKey, String payload, String reason, String violations) {
        return new DeadLetterRow(null, null, recordKey, payload, reason, violations, null);
    }
}
