-- The count and the page of the objects a user may view, from the grant indexes (see V11), as functions that keep
-- one plan per connection. Sent as statements, both were planned anew on every page: PostgreSQL keeps a generic
-- plan only when its estimate is no worse than the plans made for the values, and a generic plan cannot know a
-- LIMIT. Here the plan does not depend on the values: each part is a range of an index (a user's grants of one
-- permission, in object order; its groups' memberships; a counts row), so the generic plan is the right one for
-- every user, and each page saves its planning (about 0.1 ms of the database's time for the two).

-- A user's own grants, counted as they were written, and those of its groups it does not hold itself.
CREATE FUNCTION granted_object_count(grantee BIGINT, model_name VARCHAR, permission VARCHAR) RETURNS BIGINT
    LANGUAGE plpgsql STABLE SET plan_cache_mode = force_generic_plan AS $$
BEGIN
    RETURN coalesce((SELECT c.grants FROM object_grant_counts c
                     WHERE c.user_id = grantee AND c.model = model_name AND c.codename = permission), 0)
         + (SELECT count(DISTINCT g.object_id) FROM object_grants g JOIN group_members m ON m.group_id = g.group_id
            WHERE m.user_id = grantee AND g.model = model_name AND g.codename = permission
              AND NOT EXISTS (SELECT 1 FROM object_grants u WHERE u.user_id = grantee AND u.model = model_name
                              AND u.codename = permission AND u.object_id = g.object_id));
END $$;

-- The ids from page_offset, at most page_limit of them, ascending. The first offset + limit distinct ids of each kind
-- hold the first offset + limit of both: only those are read (two groups may grant one object, so the groups' ids
-- are made distinct before they are cut). Any offset a client sends is taken: the sum stops at the largest BIGINT.
CREATE FUNCTION granted_object_ids(grantee BIGINT, model_name VARCHAR, permission VARCHAR, page_limit BIGINT,
                                   page_offset BIGINT) RETURNS TABLE (id BIGINT)
    LANGUAGE plpgsql STABLE SET plan_cache_mode = force_generic_plan AS $$
DECLARE
    through CONSTANT BIGINT := least(page_offset::NUMERIC + page_limit, 9223372036854775807);
BEGIN
    RETURN QUERY
        SELECT ids.object_id FROM (
            (SELECT u.object_id FROM object_grants u
             WHERE u.user_id = grantee AND u.model = model_name AND u.codename = permission
             ORDER BY u.object_id LIMIT through)
            UNION
            (SELECT DISTINCT g.object_id FROM object_grants g JOIN group_members m ON m.group_id = g.group_id
             WHERE m.user_id = grantee AND g.model = model_name AND g.codename = permission
             ORDER BY g.object_id LIMIT through)) ids
        ORDER BY ids.object_id LIMIT page_limit OFFSET page_offset;
END $$;
