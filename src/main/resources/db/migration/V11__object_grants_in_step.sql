-- Object grants kept in step with the objects they name, for each model registered here: a grant can only name an
-- object that exists, and an object's grants go with it however it is deleted. A list can then count and page the
-- objects a user may see from the grants alone, without looking each object up; a user's own grants of each
-- permission are also counted as they are written, so that counting them reads one row.
--
-- An application's own model joins with one line in its migration:
--     SELECT keep_object_grants('invoice', 'invoices');
-- (the table's primary key column must be named id).
CREATE TABLE object_grant_tables (
    model      VARCHAR(100) PRIMARY KEY,
    table_name REGCLASS NOT NULL
);

-- After grants are written, in one pass per statement: each must name an object that exists. The objects' rows are
-- locked as a foreign key locks them, so that none can be deleted before the grants are committed.
CREATE FUNCTION object_grants_name_objects() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    registered RECORD;
    missing    BIGINT;
BEGIN
    FOR registered IN SELECT DISTINCT t.model, t.table_name FROM written_grants w JOIN object_grant_tables t USING (model)
    LOOP
        EXECUTE format('SELECT w.object_id FROM written_grants w WHERE w.model = %L AND w.object_id NOT IN '
                       '(SELECT o.id FROM %s o WHERE o.id IN (SELECT object_id FROM written_grants WHERE model = %L) '
                       'FOR KEY SHARE) LIMIT 1', registered.model, registered.table_name, registered.model)
            INTO missing;
        IF missing IS NOT NULL THEN
            RAISE EXCEPTION 'object_id % of model % does not exist', missing, registered.model
                USING ERRCODE = 'foreign_key_violation',
                      DETAIL = format('Key (object_id)=(%s) is not present in table "%s".', missing, registered.table_name);
        END IF;
    END LOOP;
    RETURN NULL;
END $$;

CREATE TRIGGER object_grants_inserted_name_objects AFTER INSERT ON object_grants
    REFERENCING NEW TABLE AS written_grants FOR EACH STATEMENT EXECUTE FUNCTION object_grants_name_objects();
CREATE TRIGGER object_grants_updated_name_objects AFTER UPDATE ON object_grants
    REFERENCING NEW TABLE AS written_grants FOR EACH STATEMENT EXECUTE FUNCTION object_grants_name_objects();

-- After an object is deleted (or its id changed, or its table truncated): its grants are deleted too.
CREATE FUNCTION object_grants_go_with_object() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'TRUNCATE' THEN
        DELETE FROM object_grants WHERE model = TG_ARGV[0];
    ELSIF TG_OP = 'DELETE' OR OLD.id IS DISTINCT FROM NEW.id THEN
        DELETE FROM object_grants WHERE model = TG_ARGV[0] AND object_id = OLD.id;
    END IF;
    RETURN NULL;
END $$;

-- Registers a model's table, forgets the grants that already name missing objects, and installs the triggers.
CREATE FUNCTION keep_object_grants(model_name TEXT, objects REGCLASS) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO object_grant_tables (model, table_name) VALUES (model_name, objects);
    EXECUTE format('DELETE FROM object_grants g WHERE g.model = %L '
                   'AND NOT EXISTS (SELECT 1 FROM %s o WHERE o.id = g.object_id)', model_name, objects);
    EXECUTE format('CREATE TRIGGER %I AFTER DELETE OR UPDATE OF id ON %s FOR EACH ROW '
                   'EXECUTE FUNCTION object_grants_go_with_object(%L)', 'object_grants_of_' || model_name, objects,
                   model_name);
    EXECUTE format('CREATE TRIGGER %I AFTER TRUNCATE ON %s FOR EACH STATEMENT '
                   'EXECUTE FUNCTION object_grants_go_with_object(%L)', 'object_grants_of_all_' || model_name, objects,
                   model_name);
END $$;

SELECT keep_object_grants('document', 'documents');
SELECT keep_object_grants('note', 'notes');

-- How many grants of each permission on each model every user holds itself (not through its groups), kept by the
-- statements that write grants.
CREATE TABLE object_grant_counts (
    user_id  BIGINT       NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    model    VARCHAR(100) NOT NULL,
    codename VARCHAR(100) NOT NULL,
    grants   BIGINT       NOT NULL,
    PRIMARY KEY (user_id, model, codename)
);
INSERT INTO object_grant_counts (user_id, model, codename, grants)
SELECT user_id, model, codename, count(*) FROM object_grants WHERE user_id IS NOT NULL GROUP BY user_id, model, codename;

CREATE FUNCTION count_object_grants() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'TRUNCATE' THEN
        DELETE FROM object_grant_counts;
        RETURN NULL;
    END IF;
    IF TG_OP IN ('DELETE', 'UPDATE') THEN
        UPDATE object_grant_counts c SET grants = c.grants - r.grants
        FROM (SELECT user_id, model, codename, count(*) AS grants FROM removed_grants WHERE user_id IS NOT NULL
              GROUP BY user_id, model, codename) r
        WHERE c.user_id = r.user_id AND c.model = r.model AND c.codename = r.codename;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        INSERT INTO object_grant_counts (user_id, model, codename, grants)
        SELECT user_id, model, codename, count(*) FROM written_grants WHERE user_id IS NOT NULL
        GROUP BY user_id, model, codename
        ON CONFLICT (user_id, model, codename) DO UPDATE SET grants = object_grant_counts.grants + EXCLUDED.grants;
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER object_grants_inserted_counted AFTER INSERT ON object_grants
    REFERENCING NEW TABLE AS written_grants FOR EACH STATEMENT EXECUTE FUNCTION count_object_grants();
CREATE TRIGGER object_grants_updated_counted AFTER UPDATE ON object_grants
    REFERENCING OLD TABLE AS removed_grants NEW TABLE AS written_grants FOR EACH STATEMENT
    EXECUTE FUNCTION count_object_grants();
CREATE TRIGGER object_grants_deleted_counted AFTER DELETE ON object_grants
    REFERENCING OLD TABLE AS removed_grants FOR EACH STATEMENT EXECUTE FUNCTION count_object_grants();
CREATE TRIGGER object_grants_truncated_counted AFTER TRUNCATE ON object_grants
    FOR EACH STATEMENT EXECUTE FUNCTION count_object_grants();
