package vn.speedwatch.jobs.functions;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import vn.speedwatch.jobs.records.DeadLetter;
import vn.speedwatch.jobs.records.ParsedEvent;
import vn.speedwatch.jobs.records.RawEvent;
import vn.speedwatch.model.IsoTimestamps;
import vn.speedwatch.model.Json;
import vn.speedwatch.model.Measurement;
import vn.speedwatch.model.MeasurementParser;
import vn.speedwatch.model.ParseResult;
import vn.speedwatch.model.ValidationLimits;
import vn.speedwatch.model.Violation;

/**
 * Decodes one topic record into a {@link ParsedEvent} or a {@link DeadLetter}; never throws.
 *
 * <p>The measurement is validated with the model's {@link MeasurementParser} against the time the
 * collector received it, not the time the job reads it, so a replay days later accepts exactly what
 * was accepted the first time.
 */
public final class EventDecoder {

    private final ReceivedAtClock clock = new ReceivedAtClock();
    private final MeasurementParser parser;

    public EventDecoder(ValidationLimits limits) {
        this.parser = new MeasurementParser(limits.withClock(clock));
    }

    /** The outcome: exactly one of the two is set. */
    public record Decoded(ParsedEvent event, DeadLetter deadLetter) {}

    public Decoded decode(RawEvent raw, long nowMillis) {
        TopicEnvelope root;
        try {
            root = raw.payload == null ? null : TopicEnvelope.read(raw.payload);
        } catch (Exception e) {
            return dead(raw, nowMillis, "malformed JSON: " + firstLine(e.getMessage()), null);
        }
        if (root == null || !root.isObject) {
            return dead(raw, nowMillis, "not a JSON object", null);
        }
        String type = root.type == null ? "" : root.type;
        long receivedAt = receivedAt(root.receivedAt, nowMillis);
        if ("ERASURE".equals(type)) {
            return decodeErasure(raw, root, receivedAt, nowMillis);
        }
        if (!"MEASUREMENT".equals(type)) {
            return dead(raw, nowMillis, "unknown event type '" + type + "'", null);
        }
        clock.at = Instant.ofEpochMilli(receivedAt);
        ParseResult result = parser.parse(root.measurement);
        if (!result.isValid()) {
            return dead(raw, nowMillis, "invalid measurement", result.violations());
        }
        Measurement m = result.measurement();
        if (root.id != null && !root.id.equals(m.id().toString())) {
            return dead(
                    raw, nowMillis, "event id " + root.id + " differs from measurement id", null);
        }
        return new Decoded(
                MeasurementFlattener.flatten(m, root.apiKeyId, root.clientHash, receivedAt), null);
    }

    private Decoded decodeErasure(RawEvent raw, TopicEnvelope root, long receivedAt, long now) {
        String id = root.id == null ? "" : root.id;
        try {
            UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return dead(raw, now, "erasure without a valid id", null);
        }
        ParsedEvent e = new ParsedEvent();
        e.type = ParsedEvent.ERASURE;
        e.id = id.toLowerCase(Locale.ROOT);
        e.receivedAtMillis = receivedAt;
        return new Decoded(e, null);
    }

    private static long receivedAt(String text, long nowMillis) {
        if (text == null) {
            return nowMillis;
        }
        try {
            return IsoTimestamps.parse(text).toInstant().toEpochMilli();
        } catch (RuntimeException e) {
            return nowMillis;
        }
    }

    private static Decoded dead(RawEvent raw, long now, String reason, List<Violation> found) {
        String violations = null;
        if (found != null) {
            violations =
                    Json.mapper()
                            .valueToTree(found.stream().map(Violation::describe).toList())
                            .toString();
            reason = reason + ": " + found.get(0).describe();
        }
        return new Decoded(
                null,
                new DeadLetter(raw.key, raw.payload, reason, violations, now, RecordRef.of(raw)));
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unreadable";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    /** "Now" for validation: the receive time of the event being decoded. */
    private static final class ReceivedAtClock extends Clock {
        Instant at = Instant.EPOCH;

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return at;
        }
    }
}
