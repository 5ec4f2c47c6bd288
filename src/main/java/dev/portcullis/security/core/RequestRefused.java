package dev.portcullis.security.core;

/**
 * Raised by an authenticator that recognised the user but refuses the request itself, as DRF's
 * {@code SessionAuthentication} refuses an unsafe request without a valid CSRF token: always a 403.
 */
public final class RequestRefused extends RuntimeException {

    private final String hint;

    public RequestRefused(String detail, String hint) {
        super(detail, null, false, false);
        this.hint = hint;
    }

    public String detail() {
        return getMessage();
    }

    public String hint() {
        return hint;
    }
}
