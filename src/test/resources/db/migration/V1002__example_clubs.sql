-- Reading clubs (test sources only): a relation to many members, for the many() relation field.
CREATE SEQUENCE library_clubs_seq INCREMENT 50;
CREATE TABLE library_clubs (
    id   BIGINT       PRIMARY KEY,
    name VARCHAR(100) NOT NULL
);
CREATE TABLE library_clubs_members (
    club_id    BIGINT NOT NULL REFERENCES library_clubs (id) ON DELETE CASCADE,
    members_id BIGINT NOT NULL REFERENCES library_members (id) ON DELETE CASCADE,
    PRIMARY KEY (club_id, members_id)
);
