package vn.speedwatch.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Which tool produced the result; JSON values are the lower-case names of the contract. */
public enum ClientKind {
    WEB("web"),
    I_SPEED_MANUAL("i-speed-manual"),
    OOKLA_CLI("ookla-cli"),
    LIBRESPEED("librespeed"),
    NDT7("ndt7"),
    PROBE("probe");

    private static final ClientKind[] ALL = values();

    private final String json;

    ClientKind(String json) {
        this.json = json;
    }

    @JsonValue
    public String json() {
        return json;
    }

    /**
     * The kind for its JSON value.
     *
     * @throws IllegalArgumentException for a value the contract does not name
     */
    @JsonCreator
    public static ClientKind fromJson(String value) {
        // A loop over a cached array: this runs for every measurement parsed.
        for (ClientKind k : ALL) {
            if (k.json.equals(value)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown client: " + value);
    }
}
