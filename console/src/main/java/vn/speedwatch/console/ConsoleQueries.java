package vn.speedwatch.console;

/** The console's SQL, in one place next to migration V12__officials.sql. */
final class ConsoleQueries {

    static final String OFFICIAL_INSERT =
            """
            INSERT INTO officials (username, password_hash, role) VALUES (?, ?, ?)
            ON CONFLICT (username) DO UPDATE
               SET password_hash = EXCLUDED.password_hash, role = EXCLUDED.role,
                   password_changed_at = now(), disabled = false
            """;
    static final String OFFICIAL_FIND =
            """
            SELECT username, password_hash, role FROM officials
             WHERE username = ? AND NOT disabled
            """;
    static final String FAILURE_INSERT =
            "INSERT INTO official_login_failures (username, failed_at) VALUES (?, ?)";
    static final String FAILURE_COUNT =
            """
            SELECT count(*) FROM official_login_failures WHERE username = ? AND failed_at > ?
            """;
    static final String FAILURE_CLEAR = "DELETE FROM official_login_failures WHERE username = ?";

    static final String SESSION_INSERT =
            """
            INSERT INTO official_sessions
                   (token_sha256, username, csrf_token, created_at, last_seen_at, expires_at)
            VALUES (?, ?, ?, ?, ?, ?)
            """;
    static final String SESSION_FIND =
            """
            SELECT s.username, o.role, s.csrf_token, s.created_at, s.last_seen_at
              FROM official_sessions s JOIN officials o USING (username)
             WHERE s.token_sha256 = ? AND s.expires_at > ? AND NOT o.disabled
            """;
    static final String SESSION_TOUCH =
            "UPDATE official_sessions SET last_seen_at = ? WHERE token_sha256 = ?";
    static final String SESSION_DELETE = "DELETE FROM official_sessions WHERE token_sha256 = ?";
    static final String SESSION_PURGE = "DELETE FROM official_sessions WHERE expires_at <= ?";

    /** Day rows of one operator × access type in a month, for the map. */
    static final String MAP_ROWS =
            """
            SELECT tdp_code, sample_count, device_count, qcvn_evaluated_count, below_qcvn_count,
                   download_sketch
              FROM quality_aggregates
             WHERE resolution = 'day' AND operator = ? AND access_type = ?
               AND bucket_start >= ? AND bucket_start < ?
            """;

    private ConsoleQueries() {}
}
