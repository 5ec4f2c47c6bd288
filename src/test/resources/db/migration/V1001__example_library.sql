-- The lending library example (test sources only): a copy is lent to one member at a time.
CREATE SEQUENCE library_books_seq INCREMENT 50;
CREATE SEQUENCE library_copies_seq INCREMENT 50;
CREATE SEQUENCE library_members_seq INCREMENT 50;
CREATE SEQUENCE library_loans_seq INCREMENT 50;
CREATE TABLE library_books (
    id     BIGINT       PRIMARY KEY,
    title  VARCHAR(200) NOT NULL,
    author VARCHAR(200) NOT NULL,
    isbn   VARCHAR(13)  NOT NULL UNIQUE
);
CREATE TABLE library_copies (
    id      BIGINT      PRIMARY KEY,
    book_id BIGINT      NOT NULL REFERENCES library_books (id) ON DELETE CASCADE,
    branch  VARCHAR(50) NOT NULL
);
CREATE TABLE library_members (
    id      BIGINT      PRIMARY KEY,
    user_id BIGINT      NOT NULL UNIQUE REFERENCES users (id) ON DELETE CASCADE,
    branch  VARCHAR(50) NOT NULL
);
CREATE TABLE library_loans (
    id        BIGINT  PRIMARY KEY,
    copy_id   BIGINT  NOT NULL REFERENCES library_copies (id),
    member_id BIGINT  NOT NULL REFERENCES library_members (id) ON DELETE CASCADE,
    due       DATE    NOT NULL,
    returned  BOOLEAN NOT NULL DEFAULT FALSE
);
CREATE UNIQUE INDEX library_loans_open_copy ON library_loans (copy_id) WHERE NOT returned;
