package vn.speedwatch.collector.protect;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

/**
 * Stateless receipts a resident keeps to look up or erase their own result.
 *
 * <p>{@code receipt = base64url(id bytes) + "." + base64url(first 16 bytes of HMAC-SHA256(secret,
 * id))}: nothing is stored, and only the holder of a receipt can name a measurement. Verification
 * compares in constant time so the tag cannot be guessed byte by byte.
 */
public final class ReceiptCodec {

    private static final int TAG_BYTES = 16;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final Hmac.Keyed hmac;

    public ReceiptCodec(byte[] secret) {
        this.hmac = new Hmac.Keyed(secret);
    }

    /** The receipt for a measurement id. */
    public String issue(UUID id) {
        byte[] idBytes = bytes(id);
        return ENCODER.encodeToString(idBytes) + "." + ENCODER.encodeToString(tag(idBytes));
    }

    /** The measurement id if the receipt is genuine, empty for anything else. */
    public Optional<UUID> verify(String receipt) {
        if (receipt == null || receipt.length() > 64) {
            return Optional.empty();
        }
        int dot = receipt.indexOf('.');
        if (dot < 0) {
            return Optional.empty();
        }
        try {
            byte[] idBytes = DECODER.decode(receipt.substring(0, dot));
            byte[] presented = DECODER.decode(receipt.substring(dot + 1));
            if (idBytes.length != 16 || !MessageDigest.isEqual(tag(idBytes), presented)) {
                return Optional.empty();
            }
            ByteBuffer b = ByteBuffer.wrap(idBytes);
            return Optional.of(new UUID(b.getLong(), b.getLong()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private byte[] tag(byte[] idBytes) {
        return Arrays.copyOf(hmac.sign(idBytes), TAG_BYTES);
    }

    private static byte[] bytes(UUID id) {
        return ByteBuffer.allocate(16)
                .putLong(id.getMostSignificantBits())
                .putLong(id.getLeastSignificantBits())
                .array();
    }
}
