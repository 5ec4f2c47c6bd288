package dev.portcullis.security.authentication;

/** What an authenticator may read of a request: its headers and cookies. */
public interface Credentials {

    /** The header's value, or {@code null}. */
    String header(String name);

    /** The cookie's value, or {@code null}. */
    String cookie(String name);
}
