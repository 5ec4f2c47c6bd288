-- Server-side login sessions (SessionAuthentication): any replica can serve them, and deleting a row ends
-- the session everywhere at once. Only a SHA-256 of the session key is kept.
CREATE TABLE sessions (
    key_hash    VARCHAR(64) PRIMARY KEY,
    user_id     BIGINT      NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    csrf_secret VARCHAR(64) NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    expires_at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX sessions_user_id ON sessions (user_id);
CREATE INDEX sessions_expires_at ON sessions (expires_at);
