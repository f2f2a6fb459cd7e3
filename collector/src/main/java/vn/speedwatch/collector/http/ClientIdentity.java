package vn.speedwatch.collector.http;

/**
 * Who sent a request, in the only forms we keep: the keyed hash of the client address and, for
 * trusted probes, the API key id. {@link #rateKey()} is what the rate limiter counts against.
 */
public record ClientIdentity(String clientHash, String apiKeyId) {

    /** The key of this client's token bucket. */
    public String rateKey() {
        return apiKeyId != null ? "key:" + apiKeyId : "ip:" + clientHash;
    }

    public boolean trustedProbe() {
        return apiKeyId != null;
    }
}
