package vn.speedwatch.launcher;

/**
 * The PostgreSQL the launcher uses: an external server named by {@code db.url}, or the embedded one
 * it started itself. Closing stops the embedded server and does nothing to an external one.
 */
public interface Database extends AutoCloseable {

    String jdbcUrl();

    String user();

    String password();

    @Override
    void close();

    /** The external database of the config, or an embedded one in {@code dataDir/pg}. */
    static Database open(LauncherConfig config) {
        if (config.dbUrl().isPresent()) {
            String url = config.dbUrl().get();
            String user = config.dbUser();
            String password = config.dbPassword();
            return new Database() {
                public String jdbcUrl() {
                    return url;
                }

                public String user() {
                    return user;
                }

                public String password() {
                    return password;
                }

                public void close() {}
            };
        }
        Preflight.requireWritableDir(config.pgDir());
        return EmbeddedDatabase.start(config.pgDir());
    }
}
