package vn.speedwatch.console;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * Checks a user name and password, refusing any name with too many recent failures even when the
 * password is right, so guessing stops after a few tries. Failures are recorded for unknown names
 * too, and unknown names cost a bcrypt check as well: answers do not reveal which names exist.
 */
final class LoginGuard {

    /** What a login attempt came to. */
    enum Outcome {
        OK,
        WRONG,
        LOCKED
    }

    /** The outcome, and the official when it is OK. */
    record Result(Outcome outcome, Optional<Official> official) {}

    private static final Logger LOG = LoggerFactory.getLogger(LoginGuard.class);

    private final Accounts accounts;
    private final ConsoleConfig config;
    private final Clock clock;
    private final BCryptPasswordEncoder encoder =
            new BCryptPasswordEncoder(UserAdmin.BCRYPT_STRENGTH);
    private final String dummyHash = encoder.encode("no such user: constant-time answer");

    LoginGuard(DataSource dataSource, ConsoleConfig config, Clock clock) {
        this.accounts = new Accounts(dataSource);
        this.config = config;
        this.clock = clock;
    }

    Result attempt(String username, String password) {
        String name = username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
        Instant now = clock.instant();
        if (name.isEmpty() || name.length() > 40) {
            return new Result(Outcome.WRONG, Optional.empty());
        }
        if (accounts.failuresSince(name, now.minus(config.lockoutWindow()))
                >= config.maxFailures()) {
            LOG.warn(
                    "Login refused for '{}': locked after {} failures", name, config.maxFailures());
            return new Result(Outcome.LOCKED, Optional.empty());
        }
        Optional<Accounts.Stored> stored = accounts.find(name);
        String hash = stored.map(Accounts.Stored::passwordHash).orElse(dummyHash);
        boolean matches = encoder.matches(password == null ? "" : password, hash);
        if (stored.isEmpty() || !matches) {
            accounts.recordFailure(name, now);
            LOG.info("Failed login for '{}'", name);
            return new Result(Outcome.WRONG, Optional.empty());
        }
        accounts.clearFailures(name);
        LOG.info("Official '{}' signed in", name);
        return new Result(Outcome.OK, Optional.of(new Official(name, stored.get().role())));
    }
}
