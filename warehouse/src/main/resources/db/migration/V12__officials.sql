-- Officials' console (module console): accounts, sessions and failed logins.
-- Passwords are bcrypt hashes; session tokens are stored only as SHA-256 hashes, so a copy of
-- the database cannot be used to take over a session.
CREATE TABLE IF NOT EXISTS officials (
    username             text PRIMARY KEY CHECK (username ~ '^[a-z0-9][a-z0-9._-]{2,39}$'),
    password_hash        text NOT NULL CHECK (password_hash LIKE '$2%'),
    role                 text NOT NULL CHECK (role IN ('official', 'admin')),
    created_at           timestamptz NOT NULL DEFAULT now(),
    password_changed_at  timestamptz NOT NULL DEFAULT now(),
    disabled             boolean NOT NULL DEFAULT false
);

CREATE TABLE IF NOT EXISTS official_sessions (
    token_sha256         text PRIMARY KEY,
    username             text NOT NULL REFERENCES officials (username) ON DELETE CASCADE,
    csrf_token           text NOT NULL,
    created_at           timestamptz NOT NULL,
    last_seen_at         timestamptz NOT NULL,
    expires_at           timestamptz NOT NULL
);
CREATE INDEX IF NOT EXISTS official_sessions_expiry_idx ON official_sessions (expires_at);

-- Failed logins, per user name typed (known or not), for the lock-out window.
CREATE TABLE IF NOT EXISTS official_login_failures (
    id                   bigserial PRIMARY KEY,
    username             text NOT NULL,
    failed_at            timestamptz NOT NULL
);
CREATE INDEX IF NOT EXISTS official_login_failures_idx
    ON official_login_failures (username, failed_at);
