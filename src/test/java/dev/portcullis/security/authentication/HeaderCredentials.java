package dev.portcullis.security.authentication;

/** Test credentials: a request with one {@code Authorization} header and no cookies. */
public final class HeaderCredentials {

    private HeaderCredentials() {
    }

    public static Credentials authorization(String value) {
        Credentials none = Credentials.none();
        return new Credentials() {
            @Override
            public String header(String name) {
                return "Authorization".equals(name) ? value : none.header(name);
            }

            @Override
            public String cookie(String name) {
                return none.cookie(name);
            }

            @Override
            public String requestOrigin() {
                return none.requestOrigin();
            }

            @Override
            public String clientAddress() {
                return "127.0.0.1";
            }
        };
    }
}
