package dev.portcullis.accounts;

/** SimpleJWT's {@code TokenError}: a token that cannot be used, with SimpleJWT's message. */
public final class TokenError extends Exception {

    public static final String INVALID_OR_EXPIRED = "Token is invalid or expired";

    public TokenError(String message) {
        super(message, null, false, false);
    }
}
