package vn.speedwatch.collector.protect;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * Turns a client address into a keyed hash, the only form in which an address is kept or logged.
 *
 * <p>The key is rotatable: new hashes use the current secret, and {@link #matches} also accepts
 * hashes made with the previous secret so a rotation does not break a running rate limit or a
 * lookup made just before it.
 */
public final class ClientHasher {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private final Hmac.Keyed current;
    private final Optional<Hmac.Keyed> previous;

    public ClientHasher(byte[] current, Optional<byte[]> previous) {
        this.current = new Hmac.Keyed(current);
        this.previous = previous.map(Hmac.Keyed::new);
    }

    /** The keyed hash of an address, 22 url-safe characters (128 bits). */
    public String hash(String address) {
        return hash(current, address);
    }

    /** True if {@code hash} is this address under the current or the previous secret. */
    public boolean matches(String address, String hash) {
        return hash(current, address).equals(hash)
                || previous.map(p -> hash(p, address).equals(hash)).orElse(false);
    }

    private static String hash(Hmac.Keyed secret, String address) {
        byte[] mac = secret.sign(address.getBytes(StandardCharsets.UTF_8));
        return ENCODER.encodeToString(java.util.Arrays.copyOf(mac, 16));
    }
}
