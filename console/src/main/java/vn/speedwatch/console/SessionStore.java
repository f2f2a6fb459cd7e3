package vn.speedwatch.console;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Console sessions in the warehouse ({@code official_sessions}), so a restart does not sign
 * everyone out. The cookie holds a random token; the table holds only its SHA-256. A session ends
 * after {@link ConsoleConfig#sessionIdle()} without use or {@link ConsoleConfig#sessionMax()} after
 * login, whichever comes first.
 */
final class SessionStore {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Db db;
    private final ConsoleConfig config;
    private final Clock clock;

    SessionStore(DataSource dataSource, ConsoleConfig config, Clock clock) {
        this.db = new Db(dataSource);
        this.config = config;
        this.clock = clock;
    }

    /** A new session; returns the cookie token (only ever given to the browser). */
    String create(Official official) {
        String token = randomToken();
        Instant now = clock.instant();
        db.update(
                ConsoleQueries.SESSION_INSERT,
                sha256(token),
                official.username(),
                randomToken(),
                now,
                now,
                now.plus(config.sessionMax()));
        return token;
    }

    /** The live session of a cookie token; touching it extends the idle timeout. */
    Optional<Session> find(String token) {
        if (token == null || token.length() != 43) {
            return Optional.empty();
        }
        String hash = sha256(token);
        Instant now = clock.instant();
        Optional<Session> found =
                db
                        .query(
                                ConsoleQueries.SESSION_FIND,
                                rs -> {
                                    Instant lastSeen = rs.getTimestamp(5).toInstant();
                                    if (lastSeen.plus(config.sessionIdle()).isBefore(now)) {
                                        return null;
                                    }
                                    return new Session(
                                            hash,
                                            new Official(
                                                    rs.getString(1),
                                                    Official.Role.of(rs.getString(2))),
                                            rs.getString(3));
                                },
                                hash,
                                now)
                        .stream()
                        .filter(s -> s != null)
                        .findFirst();
        if (found.isPresent()) {
            db.update(ConsoleQueries.SESSION_TOUCH, Timestamp.from(now), hash);
        } else {
            db.update(ConsoleQueries.SESSION_DELETE, hash);
        }
        return found;
    }

    void delete(Session session) {
        db.update(ConsoleQueries.SESSION_DELETE, session.tokenHash());
    }

    /** Removes expired sessions; called now and then. */
    void purge() {
        db.update(ConsoleQueries.SESSION_PURGE, clock.instant());
    }

    static String randomToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String sha256(String token) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(md.digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JDK", e);
        }
    }
}
