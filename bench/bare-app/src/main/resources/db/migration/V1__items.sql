CREATE TABLE bare_items (
    id    BIGSERIAL PRIMARY KEY,
    title VARCHAR(200) NOT NULL,
    body  TEXT         NOT NULL
);
INSERT INTO bare_items (title, body) SELECT 'Item ' || g, repeat('Lorem ipsum ', 20) FROM generate_series(1, 100) g;
