package vn.speedwatch.collector.protect;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The API keys of trusted probes, configured as {@code id:sha256hex} so no plain key is ever
 * stored. A presented key is hashed and compared in constant time with every configured hash.
 */
public final class ApiKeys {

    private final Map<String, byte[]> hashesById;

    private ApiKeys(Map<String, byte[]> hashesById) {
        this.hashesById = hashesById;
    }

    /**
     * Parses {@code id:sha256hex} entries.
     *
     * @throws IllegalArgumentException naming the entry that is not of that form
     */
    public static ApiKeys parse(List<String> entries) {
        Map<String, byte[]> m = new LinkedHashMap<>();
        for (String entry : entries) {
            int colon = entry.indexOf(':');
            String hex =
                    colon < 0 ? "" : entry.substring(colon + 1).trim().toLowerCase(Locale.ROOT);
            if (colon <= 0 || !hex.matches("[0-9a-f]{64}")) {
                String id = colon <= 0 ? "?" : entry.substring(0, colon);
                throw new IllegalArgumentException(
                        "collector.api-keys entry for id '" + id + "' is not id:sha256hex");
            }
            m.put(entry.substring(0, colon).trim(), HexFormat.of().parseHex(hex));
        }
        return new ApiKeys(m);
    }

    /** The configured hash for a plain key, as an operator writes it into the config. */
    public static String hashOf(String plainKey) {
        return HexFormat.of().formatHex(Hmac.sha256(plainKey.getBytes(StandardCharsets.UTF_8)));
    }

    /** The id of the key, empty if the key is not configured. */
    public Optional<String> identify(String plainKey) {
        if (plainKey == null || plainKey.isEmpty() || plainKey.length() > 256) {
            return Optional.empty();
        }
        byte[] presented = Hmac.sha256(plainKey.getBytes(StandardCharsets.UTF_8));
        String found = null;
        for (Map.Entry<String, byte[]> e : hashesById.entrySet()) {
            // Compare with every entry, so timing does not tell which one matched.
            if (MessageDigest.isEqual(e.getValue(), presented) && found == null) {
                found = e.getKey();
            }
        }
        return Optional.ofNullable(found);
    }

    public boolean isEmpty() {
        return hashesById.isEmpty();
    }
}
