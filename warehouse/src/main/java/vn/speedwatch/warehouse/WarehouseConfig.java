package vn.speedwatch.warehouse;

import java.util.Objects;
import vn.speedwatch.model.Settings;

/**
 * Where the warehouse is and how many connections to keep: the typed form of the {@code db.*}
 * settings. The password never appears in {@link #toString()}.
 */
public record WarehouseConfig(String jdbcUrl, String user, String password, int poolSize) {

    public static final String DEFAULT_URL = "jdbc:postgresql://127.0.0.1:5432/speedwatch";

    public WarehouseConfig {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        if (!jdbcUrl.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException(
                    "db.url must be a jdbc:postgresql: URL, got '" + jdbcUrl + "'");
        }
        if (poolSize < 1) {
            throw new IllegalArgumentException("db.pool-size must be at least 1, got " + poolSize);
        }
        user = user == null ? "postgres" : user;
        password = password == null ? "" : password;
    }

    /** Reads {@code db.url}, {@code db.user}, {@code db.password} and {@code db.pool-size}. */
    public static WarehouseConfig from(Settings s) {
        return new WarehouseConfig(
                s.string("db.url", DEFAULT_URL),
                s.string("db.user", "postgres"),
                s.string("db.password", ""),
                s.integer("db.pool-size", 4));
    }

    @Override
    public String toString() {
        return "WarehouseConfig[jdbcUrl="
                + jdbcUrl
                + ", user="
                + user
                + ", poolSize="
                + poolSize
                + "]";
    }
}
