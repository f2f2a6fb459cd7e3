package vn.speedwatch.console;

import java.util.Locale;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * Creates officials' accounts, for the launcher's {@code speedwatch user add} command. Passwords
 * are stored as bcrypt hashes and never logged; adding an existing name replaces its password and
 * role (that is how a forgotten password is reset).
 */
public final class UserAdmin {

    /** bcrypt cost: about a tenth of a second per login on a small server. */
    static final int BCRYPT_STRENGTH = 11;

    static final int MIN_PASSWORD_LENGTH = 10;
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{2,39}");
    private static final Logger LOG = LoggerFactory.getLogger(UserAdmin.class);

    private final Accounts accounts;
    private final BCryptPasswordEncoder encoder = new BCryptPasswordEncoder(BCRYPT_STRENGTH);

    public UserAdmin(DataSource dataSource) {
        this.accounts = new Accounts(dataSource);
    }

    /**
     * Adds or resets an account.
     *
     * @param role {@code official} or {@code admin}
     * @throws IllegalArgumentException with a Vietnamese / English message for a bad name, role or
     *     a password shorter than 10 characters
     */
    public void add(String username, String role, String password) {
        String name = username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(
                    "Tên đăng nhập phải dài 3–40 ký tự a-z, 0-9, . _ -"
                            + " / the user name must be 3–40 characters of a-z, 0-9, . _ -");
        }
        Official.Role r = parseRole(role);
        if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
            throw new IllegalArgumentException(
                    "Mật khẩu phải có ít nhất "
                            + MIN_PASSWORD_LENGTH
                            + " ký tự / the password needs at least "
                            + MIN_PASSWORD_LENGTH
                            + " characters");
        }
        accounts.save(name, r, encoder.encode(password));
        accounts.clearFailures(name);
        LOG.info("Official account '{}' saved with role {}", name, r.dbValue());
    }

    private static Official.Role parseRole(String role) {
        try {
            return Official.Role.of(role == null ? "" : role.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "Vai trò phải là official hoặc admin / the role"
                            + " must be official or admin, not '"
                            + role
                            + "'",
                    e);
        }
    }
}
