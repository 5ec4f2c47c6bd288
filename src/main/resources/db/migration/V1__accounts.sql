-- Users (Django's auth_user, with the e-mail verification flag of the reference API).
CREATE TABLE users (
    id             BIGSERIAL PRIMARY KEY,
    username       VARCHAR(150) NOT NULL UNIQUE,
    email          VARCHAR(254) NOT NULL DEFAULT '',
    password_hash  VARCHAR(255) NOT NULL,
    is_staff       BOOLEAN      NOT NULL DEFAULT FALSE,
    is_superuser   BOOLEAN      NOT NULL DEFAULT FALSE,
    is_active      BOOLEAN      NOT NULL DEFAULT TRUE,
    email_verified BOOLEAN      NOT NULL DEFAULT FALSE,
    date_joined    TIMESTAMPTZ  NOT NULL DEFAULT now()
);

-- Opaque API tokens: only a SHA-256 of the key is kept; several per user (one per client).
CREATE TABLE auth_tokens (
    id         BIGSERIAL PRIMARY KEY,
    user_id    BIGINT      NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    key_hash   VARCHAR(64) NOT NULL UNIQUE,
    key_prefix VARCHAR(8)  NOT NULL,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    expires_at TIMESTAMPTZ
);
CREATE INDEX auth_tokens_user_id ON auth_tokens (user_id);
