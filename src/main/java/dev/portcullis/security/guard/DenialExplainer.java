package dev.portcullis.security.guard;

import dev.portcullis.security.authentication.AuthorizationHeader;
import dev.portcullis.security.authentication.Authenticator;
import dev.portcullis.security.authentication.Credentials;
import dev.portcullis.security.core.AccessRequest;
import dev.portcullis.security.core.AuthenticationFailure;
import dev.portcullis.security.permission.Decision;
import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Puts a denial into words a client developer can act on: which credential was read or ignored and why,
 * which class denied and where it was declared, and why the status is 401 or 403. Only asked when
 * {@code portcullis.explain-denials} is on, and only for denials.
 */
@Singleton
public class DenialExplainer {

    private final List<Authenticator> authenticators;
    private final CredentialMistakes mistakes;

    public DenialExplainer(ClassCatalog catalog) {
        this.authenticators = catalog.authenticators();
        this.mistakes = new CredentialMistakes(authenticators);
    }

    /** A credential was present and wrong — or of another kind, sent under this class's keyword. */
    public String authenticationFailed(EndpointPolicy policy, Authenticator by, AuthenticationFailure failure,
                                       Credentials credentials) {
        return sentences(by.name() + " rejected the credential: " + failure.detail(),
                mistakes.underTheWrongKeyword(policy, by, credentials).orElse(failure.hint()),
                "A credential that fails ends the request even where the permissions would let anyone in, because "
                        + "authentication runs first.", status(policy));
    }

    /** Anonymous, and a permission requires more: DRF's {@code NotAuthenticated}. */
    public String notAuthenticated(EndpointPolicy policy, Credentials credentials, Decision denier) {
        return sentences(whyAnonymous(policy, credentials), denied(policy, denier), status(policy));
    }

    /** A 403 from a permission class. */
    public String permissionDenied(EndpointPolicy policy, AccessRequest request, Credentials credentials,
                                   Decision denier) {
        String who = null;
        if (!request.user().authenticated()) {
            who = "This endpoint has no authentication classes, so every request to it is anonymous"
                    + (credentials.header("Authorization") != null ? " and the Authorization header is ignored." : ".");
        }
        return sentences(who, denied(policy, denier));
    }

    private String whyAnonymous(EndpointPolicy policy, Credentials credentials) {
        Optional<Authenticator> namesNoOne = policy.authenticators().stream().filter(a -> applies(a, credentials))
                .findFirst();
        if (namesNoOne.isPresent()) {
            return namesNoOne.get().name() + " read its credential, but it names no active user (a session that "
                    + "expired, was ended by logout, or whose user is inactive): log in again.";
        }
        String header = credentials.header("Authorization");
        String accepted = accepted(policy.authenticators());
        if (header == null || header.isBlank()) {
            return mistakes.inTheWrongPlace(policy, credentials)
                    .orElse("The request carries no credentials; this endpoint accepts " + accepted + ".");
        }
        Optional<Authenticator> owner = authenticators.stream()
                .filter(a -> !policy.authenticators().contains(a) && applies(a, credentials)).findFirst();
        if (owner.isPresent()) {
            return mistakes.underTheWrongKeyword(policy, owner.get(), credentials).orElse("The Authorization header is "
                    + "a credential for " + owner.get().name() + " ('" + owner.get().usage() + "'), but this endpoint "
                    + "does not use that class: it accepts " + accepted + ".");
        }
        Optional<String> misspelled = mistakes.misspelledKeyword(policy, header);
        if (misspelled.isPresent()) {
            return misspelled.get();
        }
        List<byte[]> parts = AuthorizationHeader.split(header);
        if (parts.size() == 1) {
            return "The Authorization header has no keyword before the credential; this endpoint accepts "
                    + accepted + ".";
        }
        String keyword = new String(parts.get(0), StandardCharsets.ISO_8859_1);
        return "No authentication class of this endpoint reads the Authorization keyword '" + keyword
                + "' (keywords must match exactly where a class says so); it accepts " + accepted + ".";
    }

    private static boolean applies(Authenticator authenticator, Credentials credentials) {
        try {
            return authenticator.parse(credentials).isPresent();
        } catch (AuthenticationFailure malformed) {
            return true;
        }
    }

    static String accepted(List<Authenticator> authenticators) {
        return authenticators.stream().map(a -> a.name() + " ('" + a.usage() + "')")
                .collect(Collectors.joining(" or "));
    }

    private static String denied(EndpointPolicy policy, Decision denier) {
        String reason = denier.denialHint();
        return denier.permission() + " denied " + policy.httpMethod() + " " + policy.path() + " (action '"
                + policy.action() + "')" + (reason == null ? "." : ": " + reason + ".") + " " + source(policy);
    }

    private static String source(EndpointPolicy policy) {
        String names = String.join(", ", policy.permissionNames());
        return switch (policy.permissionSource()) {
            case GLOBAL_DEFAULT -> "The endpoint declares no permissions, so the global default "
                    + "portcullis.default-permissions (" + names + ") applies.";
            case RESOURCE -> "The permissions (" + names + ") are declared on " + policy.resource() + ".";
            case METHOD -> "The permissions (" + names + ") are declared on this method of " + policy.resource() + ".";
            case PROGRAMMATIC -> policy.resource() + ".getPermissions(\"" + policy.action() + "\") chose " + names + ".";
        };
    }

    private static String status(EndpointPolicy policy) {
        if (policy.authenticators().isEmpty()) {
            return "The status is 403 because the endpoint has no authentication classes.";
        }
        Authenticator first = policy.authenticators().get(0);
        return first.wwwAuthenticate() == null
                ? "The status is 403, not 401, because the first authentication class, " + first.name()
                + ", sends no WWW-Authenticate header."
                : "The status is 401 with 'WWW-Authenticate: " + first.wwwAuthenticate() + "' from " + first.name()
                + ", the endpoint's first authentication class.";
    }

    private static String sentences(String... parts) {
        return Stream.of(parts).filter(Objects::nonNull).collect(Collectors.joining(" "));
    }
}
