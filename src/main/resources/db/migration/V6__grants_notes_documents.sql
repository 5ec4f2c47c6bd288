-- Groups of users (Django's auth_group and auth_user_groups).
CREATE TABLE user_groups (
    id   BIGSERIAL PRIMARY KEY,
    name VARCHAR(150) NOT NULL UNIQUE
);
CREATE TABLE group_members (
    group_id BIGINT NOT NULL REFERENCES user_groups (id) ON DELETE CASCADE,
    user_id  BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    PRIMARY KEY (group_id, user_id)
);
-- "Which groups is this user in?" is asked by every grant check.
CREATE INDEX group_members_user_id ON group_members (user_id, group_id);

-- Model permissions (Django's user_permissions / group permissions), e.g. add_note, to a user or a group.
CREATE TABLE model_grants (
    id       BIGSERIAL PRIMARY KEY,
    user_id  BIGINT REFERENCES users (id) ON DELETE CASCADE,
    group_id BIGINT REFERENCES user_groups (id) ON DELETE CASCADE,
    codename VARCHAR(100) NOT NULL,
    CHECK ((user_id IS NULL) <> (group_id IS NULL))
);
CREATE UNIQUE INDEX model_grants_user ON model_grants (user_id, codename) WHERE user_id IS NOT NULL;
CREATE UNIQUE INDEX model_grants_group ON model_grants (group_id, codename) WHERE group_id IS NOT NULL;

-- Object permissions (django-guardian's UserObjectPermission / GroupObjectPermission), e.g.
-- change_document on document 42. The unique indexes are also the indexes of the list query
-- ("ids of the documents this user or one of its groups may view"), answered from the index alone.
CREATE TABLE object_grants (
    id        BIGSERIAL PRIMARY KEY,
    user_id   BIGINT REFERENCES users (id) ON DELETE CASCADE,
    group_id  BIGINT REFERENCES user_groups (id) ON DELETE CASCADE,
    model     VARCHAR(100) NOT NULL,
    codename  VARCHAR(100) NOT NULL,
    object_id BIGINT       NOT NULL,
    CHECK ((user_id IS NULL) <> (group_id IS NULL))
);
CREATE UNIQUE INDEX object_grants_user ON object_grants (user_id, model, codename, object_id) WHERE user_id IS NOT NULL;
CREATE UNIQUE INDEX object_grants_group ON object_grants (group_id, model, codename, object_id) WHERE group_id IS NOT NULL;
-- Grants of one object: "what may this user do with document 42?" and clean-up when it is deleted.
CREATE INDEX object_grants_object ON object_grants (model, object_id);

-- Shared notes, under model permissions.
CREATE TABLE notes (
    id   BIGSERIAL PRIMARY KEY,
    text TEXT NOT NULL
);

-- Documents, under object permissions.
CREATE TABLE documents (
    id         BIGSERIAL PRIMARY KEY,
    title      VARCHAR(200) NOT NULL,
    content    TEXT         NOT NULL DEFAULT '',
    created_by BIGINT REFERENCES users (id) ON DELETE SET NULL,
    created_at TIMESTAMPTZ  NOT NULL DEFAULT now()
);
