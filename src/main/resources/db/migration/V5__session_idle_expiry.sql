-- When a session was last used, for the idle expiry (portcullis.session.idle-timeout).
ALTER TABLE sessions ADD COLUMN last_seen_at TIMESTAMPTZ NOT NULL DEFAULT now();
