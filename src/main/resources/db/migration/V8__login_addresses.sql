-- Addresses each username has signed in from lately: while a username's login rate is used up (someone elsewhere
-- is guessing its password), these addresses may still sign in, so that the guessing cannot lock the user out.
-- Both columns hold SHA-256 digests, never the names or addresses themselves.
CREATE TABLE login_addresses (
    username_key  CHAR(64)    NOT NULL,
    address_key   CHAR(64)    NOT NULL,
    last_login_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (username_key, address_key)
);
CREATE INDEX login_addresses_last_login_at ON login_addresses (last_login_at);
