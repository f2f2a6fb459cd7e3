package vn.speedwatch.jobs.records;

/**
 * A topic record the pipeline could not use, with the reason; written to {@code dead_letters} so
 * nothing disappears silently.
 */
public class DeadLetter {
    public String recordKey;

    /** The record value, truncated to {@link #MAX_PAYLOAD_CHARS}. */
    public String payload;

    public String reason;

    /** The violations as a JSON array, or null when the record was not even JSON. */
    public String violationsJson;

    public long receivedAtMillis;

    /** The record's natural key, so a replayed copy is not stored twice; see {@code RecordRef}. */
    public String recordRef;

    public static final int MAX_PAYLOAD_CHARS = 4096;

    public DeadLetter() {}

    public DeadLetter(
            String key,
            String payload,
            String reason,
            String violationsJson,
            long at,
            String recordRef) {
        this.recordKey = key;
        this.payload =
                payload == null || payload.length() <= MAX_PAYLOAD_CHARS
                        ? payload
                        : payload.substring(0, MAX_PAYLOAD_CHARS);
        this.reason = reason;
        this.violationsJson = violationsJson;
        this.receivedAtMillis = at;
        this.recordRef = recordRef;
    }
}
