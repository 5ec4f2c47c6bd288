-- Devices: every sign-in — an opaque token, a JWT refresh family (its rotations stay one device), a login session —
-- is a device of its user, which the user can list and sign out. Deleting a device deletes its credential (and the
-- credential's triggers announce it to every replica); deleting a credential deletes its device.
CREATE TABLE devices (
    id           BIGSERIAL PRIMARY KEY,
    user_id      BIGINT       NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    kind         VARCHAR(8)   NOT NULL CHECK (kind IN ('token', 'jwt', 'session')),
    name         VARCHAR(100) NOT NULL DEFAULT '',
    created_at   TIMESTAMPTZ  NOT NULL DEFAULT now(),
    -- Written at most once a minute per device, so that a busy device does not write on every request.
    last_used_at TIMESTAMPTZ  NOT NULL DEFAULT now(),
    -- A JWT family's refresh token expiry (moved on by every rotation); tokens and sessions keep their own.
    expires_at   TIMESTAMPTZ
);
CREATE INDEX devices_user_id ON devices (user_id);
-- The JWT families past their expiry, cleaned up at every sign-in.
CREATE INDEX devices_jwt_expires_at ON devices (expires_at) WHERE kind = 'jwt';

-- The tokens and sessions of before: each becomes a device of its own, named after what is known of it.
ALTER TABLE auth_tokens ADD COLUMN device_id BIGINT;
UPDATE auth_tokens SET device_id = nextval('devices_id_seq');
INSERT INTO devices (id, user_id, kind, name, created_at, last_used_at)
    SELECT device_id, user_id, 'token', 'token ' || key_prefix || '…', created_at, created_at FROM auth_tokens;
ALTER TABLE auth_tokens ALTER COLUMN device_id SET NOT NULL,
    ADD FOREIGN KEY (device_id) REFERENCES devices (id) ON DELETE CASCADE;
CREATE INDEX auth_tokens_device_id ON auth_tokens (device_id);

ALTER TABLE sessions ADD COLUMN device_id BIGINT;
UPDATE sessions SET device_id = nextval('devices_id_seq');
INSERT INTO devices (id, user_id, kind, name, created_at, last_used_at)
    SELECT device_id, user_id, 'session', 'browser', created_at, last_seen_at FROM sessions;
ALTER TABLE sessions ALTER COLUMN device_id SET NOT NULL,
    ADD FOREIGN KEY (device_id) REFERENCES devices (id) ON DELETE CASCADE;
CREATE INDEX sessions_device_id ON sessions (device_id);

-- A credential that goes (revoked, logged out, expired and cleaned up) takes its device with it.
CREATE FUNCTION portcullis_credential_gone() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM devices WHERE id = OLD.device_id;
    RETURN NULL;
END
$$;
CREATE TRIGGER auth_tokens_device_gone AFTER DELETE ON auth_tokens
    FOR EACH ROW EXECUTE FUNCTION portcullis_credential_gone();
CREATE TRIGGER sessions_device_gone AFTER DELETE ON sessions
    FOR EACH ROW EXECUTE FUNCTION portcullis_credential_gone();

-- A device signed out is announced as its credentials are: a JWT family has no row of its own to announce it.
-- Not on update: a device's last use moves on as it is used.
CREATE TRIGGER devices_auth_changed AFTER DELETE ON devices
    FOR EACH ROW EXECUTE FUNCTION portcullis_auth_changed('user_id');

-- When the user last signed out everywhere: a JWT issued before devices existed (it names none) is refused if it
-- was issued before this.
ALTER TABLE users ADD COLUMN signed_out_at TIMESTAMPTZ;
