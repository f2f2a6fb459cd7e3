package vn.speedwatch.warehouse;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A HyperLogLog sketch of device hashes that plain PostgreSQL merges and estimates without an
 * extension (migration V13 creates {@code device_sketch_of}, {@code device_sketch_union} and {@code
 * device_sketch_estimate}). Distinct devices cannot be summed across days or cells; these sketches
 * can be merged for any Grafana time range and filter.
 *
 * <p>Layout: {@value #REGISTERS} registers ({@code p = }{@value #PRECISION}) of {@value #RANK_BITS}
 * bits each, stored as a {@code bit varying}. A register of rank {@code r} holds {@code r} one-bits
 * followed by zeros (a thermometer code), so the element-wise maximum of two sketches is their
 * bitwise OR and SQL merges them with the built-in {@code bit_or} aggregate at C speed. The hash is
 * the first 64 bits of MD5(device hash), which SQL computes too; ranks above {@value #RANK_BITS}
 * are capped, which only matters beyond ~10^6 devices.
 */
public final class DeviceSketch {

    public static final int PRECISION = 10;
    public static final int REGISTERS = 1 << PRECISION;
    public static final int RANK_BITS = 10;

    /** Size of the encoded sketch: {@value #REGISTERS} × {@value #RANK_BITS} bits. */
    public static final int BYTES = REGISTERS * RANK_BITS / 8;

    private final byte[] ranks = new byte[REGISTERS];
    private final MessageDigest md5;

    public DeviceSketch() {
        try {
            md5 = MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has MD5", e);
        }
    }

    /** The sketch of {@code deviceHashes}. */
    public static DeviceSketch of(Iterable<String> deviceHashes) {
        DeviceSketch s = new DeviceSketch();
        deviceHashes.forEach(s::add);
        return s;
    }

    /** Records one device; null is ignored (a measurement without a device hash). */
    public DeviceSketch add(String deviceHash) {
        if (deviceHash == null) {
            return this;
        }
        byte[] digest = md5.digest(deviceHash.getBytes(StandardCharsets.UTF_8));
        long h = 0;
        for (int i = 0; i < 8; i++) {
            h = (h << 8) | (digest[i] & 0xff);
        }
        int register = (int) (h >>> (64 - PRECISION));
        long rest = h << PRECISION;
        int rank = rest == 0 ? 65 - PRECISION : Long.numberOfLeadingZeros(rest) + 1;
        ranks[register] = (byte) Math.max(ranks[register], Math.min(rank, RANK_BITS));
        return this;
    }

    /** The thermometer-coded registers, most significant bit first, {@value #BYTES} bytes. */
    public byte[] toBytes() {
        byte[] out = new byte[BYTES];
        for (int j = 0; j < REGISTERS; j++) {
            for (int b = 0; b < ranks[j]; b++) {
                int bit = j * RANK_BITS + b;
                out[bit >>> 3] |= (byte) (0x80 >>> (bit & 7));
            }
        }
        return out;
    }

    /** The encoded sketch as a {@code bit varying} input literal ({@code x} and hex digits). */
    public static String toSqlLiteral(byte[] encoded) {
        return encoded == null ? null : "x" + HexFormat.of().formatHex(encoded);
    }

    /** Decodes {@code bit varying} output text ("0101…") back to the encoded bytes. */
    public static byte[] fromSqlText(String bits) {
        if (bits == null) {
            return null;
        }
        if (bits.length() % 8 != 0) {
            throw new IllegalArgumentException(
                    "a device sketch has a whole number of bytes, got " + bits.length() + " bits");
        }
        byte[] out = new byte[bits.length() / 8];
        for (int i = 0; i < bits.length(); i++) {
            if (bits.charAt(i) == '1') {
                out[i >>> 3] |= (byte) (0x80 >>> (i & 7));
            }
        }
        return out;
    }
}
