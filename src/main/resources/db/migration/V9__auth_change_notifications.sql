-- Every change to a user, and every credential removed or changed — by the service or by an operator in SQL —
-- is announced on the channel every replica listens to (the one the service announces its own changes on): each
-- forgets what it cached of the user within a second. The payload is the user's id, as the service sends it.
-- Sessions and tokens announce deletes and updates only: a new one is nothing any replica has cached.
CREATE FUNCTION portcullis_auth_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    user_column CONSTANT text := TG_ARGV[0];
    before text := CASE WHEN TG_OP <> 'INSERT' THEN to_jsonb(OLD) ->> user_column END;
    after  text := CASE WHEN TG_OP <> 'DELETE' THEN to_jsonb(NEW) ->> user_column END;
BEGIN
    IF before IS NOT NULL THEN
        PERFORM pg_notify('portcullis_auth_changes', before);
    END IF;
    IF after IS NOT NULL AND after IS DISTINCT FROM before THEN
        PERFORM pg_notify('portcullis_auth_changes', after);
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER users_auth_changed AFTER UPDATE OR DELETE ON users
    FOR EACH ROW EXECUTE FUNCTION portcullis_auth_changed('id');
CREATE TRIGGER auth_tokens_auth_changed AFTER UPDATE OR DELETE ON auth_tokens
    FOR EACH ROW EXECUTE FUNCTION portcullis_auth_changed('user_id');
-- Not on every update: a session's last use moves on with every request (the idle timeout).
CREATE TRIGGER sessions_auth_changed AFTER UPDATE OF key_hash, user_id, expires_at OR DELETE ON sessions
    FOR EACH ROW EXECUTE FUNCTION portcullis_auth_changed('user_id');
