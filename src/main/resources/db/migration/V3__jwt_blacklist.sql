-- Refresh tokens that may no longer be used (SimpleJWT's token_blacklist), by jti. A row is useless once
-- its token has expired, and is deleted then.
CREATE TABLE jwt_blacklist (
    jti            VARCHAR(64) PRIMARY KEY,
    user_id        BIGINT      REFERENCES users (id) ON DELETE CASCADE,
    expires_at     TIMESTAMPTZ NOT NULL,
    blacklisted_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX jwt_blacklist_expires_at ON jwt_blacklist (expires_at);
