CREATE TABLE posts (
    id         BIGSERIAL PRIMARY KEY,
    title      VARCHAR(200) NOT NULL,
    body       TEXT         NOT NULL DEFAULT '',
    published  BOOLEAN      NOT NULL DEFAULT FALSE,
    owner_id   BIGINT       NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at TIMESTAMPTZ  NOT NULL DEFAULT now()
);
-- "published, or mine": the two halves of the visibility filter.
CREATE INDEX posts_published ON posts (id) WHERE published;
CREATE INDEX posts_owner_id ON posts (owner_id);
