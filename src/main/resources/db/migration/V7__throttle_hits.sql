-- Requests counted by throttles that every replica shares (the login limits): one row per request, kept for
-- the rate's period. Rows of one key are read and written under an advisory lock on the key.
CREATE TABLE throttle_hits (
    key VARCHAR(300) NOT NULL,
    at  TIMESTAMPTZ  NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX throttle_hits_key_at ON throttle_hits (key, at);
