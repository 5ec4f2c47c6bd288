package dev.portcullis.security.authentication;

/** What an authenticator may read of a request: its headers, its cookies and where it was sent. */
public interface Credentials {

    /** The header's value, or {@code null}. */
    String header(String name);

    /** The cookie's value, or {@code null}. */
    String cookie(String name);

    /** The query parameter's first value, or {@code null}; no class reads credentials there, explanations look. */
    default String queryParameter(String name) {
        return null;
    }

    /**
     * The origin the request was sent to, {@code scheme://host[:port]} as the client addressed it (behind a
     * proxy, as forwarded headers from a trusted proxy say), or {@code null} when unknown.
     */
    String requestOrigin();

    /** The client's address (DRF's {@code get_ident()}), for login rates. */
    String clientAddress();

    /** What a call outside any HTTP request carries: nothing. */
    static Credentials none() {
        return None.INSTANCE;
    }

    /** The credentials of no request. */
    enum None implements Credentials {
        INSTANCE;

        @Override
        public String header(String name) {
            return null;
        }

        @Override
        public String cookie(String name) {
            return null;
        }

        @Override
        public String requestOrigin() {
            return null;
        }

        @Override
        public String clientAddress() {
            return null;
        }
    }
}
