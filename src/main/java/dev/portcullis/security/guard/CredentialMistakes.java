package dev.portcullis.security.guard;

import dev.portcullis.security.authentication.AuthorizationHeader;
import dev.portcullis.security.authentication.Authenticator;
import dev.portcullis.security.authentication.Credentials;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * The mistakes a DRF troubleshooting guide starts with, recognised in what a request sent: a credential of one
 * kind under another class's keyword (a token key as {@code Bearer}, a JWT as {@code Token}), a keyword with a
 * colon or in the wrong case, djangorestframework-jwt's {@code JWT} keyword, a credential without a keyword, and a
 * credential in the query string or a cookie, where no class reads one. Each sentence says what was sent, what
 * the endpoint accepts, and what to send instead.
 */
final class CredentialMistakes {

    /** Where clients put tokens that no authentication class reads. */
    private static final List<String> MISPLACED_NAMES = List.of("token", "access_token", "auth_token", "jwt", "access",
            "key", "api_key", "Authorization", "authorization");

    private final List<Authenticator> all;

    CredentialMistakes(List<Authenticator> all) {
        this.all = all;
    }

    /** A credential that failed under {@code by} but has the shape of another class's. */
    Optional<String> underTheWrongKeyword(EndpointPolicy policy, Authenticator by, Credentials credentials) {
        List<byte[]> parts = AuthorizationHeader.split(credentials.header("Authorization"));
        if (parts.size() != 2 || by.keyword().isEmpty()) {
            return Optional.empty();
        }
        String credential = new String(parts.get(1), StandardCharsets.ISO_8859_1);
        if (by.recognizes(credential)) {
            return Optional.empty();
        }
        return recognizing(policy, credential).filter(other -> other != by)
                .map(other -> "The credential sent after '" + by.keyword().get() + "' is " + other.credentialName()
                        + ", not " + by.credentialName() + ": " + sendInstead(policy, other));
    }

    /** A header no class of the endpoint reads, whose keyword is close to one it does read, or with none at all. */
    Optional<String> misspelledKeyword(EndpointPolicy policy, String header) {
        List<byte[]> parts = AuthorizationHeader.split(header);
        if (parts.size() == 1) {
            String credential = new String(parts.get(0), StandardCharsets.ISO_8859_1);
            return policy.authenticators().stream().filter(a -> a.recognizes(credential)).findFirst()
                    .map(a -> "The Authorization header holds " + a.credentialName() + " without a keyword: send '"
                            + a.usage() + "'.");
        }
        String sent = new String(parts.get(0), StandardCharsets.ISO_8859_1);
        String bare = sent.endsWith(":") ? sent.substring(0, sent.length() - 1) : sent;
        for (Authenticator authenticator : policy.authenticators()) {
            String keyword = authenticator.keyword().orElse(null);
            if (keyword == null) {
                continue;
            }
            if (bare.equalsIgnoreCase(keyword)) {
                return Optional.of("The Authorization keyword '" + sent + "' is not " + authenticator.name() + "'s '"
                        + keyword + "'" + (bare.equals(sent) ? " (" + authenticator.name() + " matches it exactly, case "
                        + "included)" : " (no colon after the keyword)") + ": send '" + authenticator.usage() + "'.");
            }
            if (bare.equalsIgnoreCase("JWT") && keyword.equals("Bearer")) {
                return Optional.of("'JWT' is the keyword of the older djangorestframework-jwt; " + authenticator.name()
                        + " (SimpleJWT's) reads 'Bearer': send '" + authenticator.usage() + "'.");
            }
        }
        return Optional.empty();
    }

    /** A credential in the query string or a cookie of a request whose Authorization header is empty. */
    Optional<String> inTheWrongPlace(EndpointPolicy policy, Credentials credentials) {
        for (String name : MISPLACED_NAMES) {
            String inQuery = credentials.queryParameter(name);
            String inCookie = credentials.cookie(name);
            String value = inQuery != null ? inQuery : inCookie;
            if (value != null && !value.isBlank()) {
                String where = inQuery != null ? "the query string parameter '" + name + "'" : "the cookie '" + name + "'";
                Optional<Authenticator> kind = recognizing(policy, value.strip());
                return Optional.of("The request sends a credential in " + where + ", where no authentication class "
                        + "reads one (a URL ends up in logs and browser history): credentials go in the Authorization "
                        + "header. " + kind.map(a -> "It is " + a.credentialName() + ": " + sendInstead(policy, a))
                        .orElse("This endpoint accepts " + DenialExplainer.accepted(policy.authenticators()) + "."));
            }
        }
        return Optional.empty();
    }

    /** The class whose credential this looks like: one the endpoint accepts first, else any the service has. */
    private Optional<Authenticator> recognizing(EndpointPolicy policy, String credential) {
        return java.util.stream.Stream.concat(policy.authenticators().stream(), all.stream())
                .filter(a -> a.recognizes(credential)).findFirst();
    }

    private static String sendInstead(EndpointPolicy policy, Authenticator kind) {
        return policy.authenticators().contains(kind) ? "send it as '" + kind.usage() + "'."
                : "this endpoint does not accept " + kind.name() + "; it accepts "
                + DenialExplainer.accepted(policy.authenticators()) + ".";
    }
}
