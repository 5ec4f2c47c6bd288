-- The README's "Your own resource" example (test sources only). PanacheEntity ids come from a sequence.
CREATE SEQUENCE invoices_seq INCREMENT 50;
CREATE TABLE invoices (
    id         BIGINT         PRIMARY KEY,
    number     VARCHAR(20)    NOT NULL,
    amount     NUMERIC(10, 2) NOT NULL,
    paid       BOOLEAN        NOT NULL DEFAULT FALSE,
    owner_id   BIGINT         NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at TIMESTAMPTZ    NOT NULL DEFAULT now()
);
CREATE INDEX invoices_owner_id ON invoices (owner_id);
