package vn.speedwatch.jobs.records;

/**
 * One record as it came off the measurements topic: the key (the measurement id) and the value as
 * text. Decoding never fails here, so a malformed value reaches the parse stage and its dead-letter
 * output instead of failing the source.
 */
public class RawEvent {
    public String key;

    /** The record value as UTF-8 text, or null for a Kafka tombstone. */
    public String payload;

    /**
     * Where the source read the record, the same on every replay ({@code
     * kafka:<topic>/<partition>/<offset>}), or null for a source without positions.
     */
    public String sourceRef;

    public RawEvent() {}

    public RawEvent(String key, String payload) {
        this.key = key;
        this.payload = payload;
    }

    public RawEvent(String key, String payload, String sourceRef) {
        this(key, payload);
        this.sourceRef = sourceRef;
    }
}
