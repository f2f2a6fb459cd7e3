package vn.speedwatch.console;

/** A signed-in official: the user name and the role that decides what they may do. */
public record Official(String username, Role role) {

    /** What an account may do: officials read and act on alerts and reports, admins too. */
    public enum Role {
        OFFICIAL,
        ADMIN;

        /** The role for its database value ({@code official}, {@code admin}). */
        public static Role of(String value) {
            return Role.valueOf(value.toUpperCase(java.util.Locale.ROOT));
        }

        public String dbValue() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
