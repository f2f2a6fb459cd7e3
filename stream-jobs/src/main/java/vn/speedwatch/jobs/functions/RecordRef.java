package vn.speedwatch.jobs.functions;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import vn.speedwatch.jobs.records.RawEvent;

/**
 * The natural key of a topic record, stored with its dead letter so that a replay after a restart
 * from a checkpoint cannot store the same bad record twice: the source's position when it has one
 * (Kafka topic, partition and offset), else a SHA-256 of the record key and value — identical
 * records from a source without positions are then one dead letter, which is the same diagnosis.
 */
public final class RecordRef {

    private RecordRef() {}

    public static String of(RawEvent raw) {
        return raw.sourceRef != null ? raw.sourceRef : "sha256:" + sha256(raw.key, raw.payload);
    }

    /** Length-prefixed, so that key "ab" + value "c" and key "a" + value "bc" differ. */
    static String sha256(String key, String payload) {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
        update(digest, key);
        update(digest, payload);
        return HexFormat.of().formatHex(digest.digest());
    }

    private static void update(MessageDigest digest, String text) {
        if (text == null) {
            digest.update((byte) 0);
            return;
        }
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        digest.update((byte) 1);
        digest.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
        digest.update((byte) ':');
        digest.update(bytes);
    }
}
