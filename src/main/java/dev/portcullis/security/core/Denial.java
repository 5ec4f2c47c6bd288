package dev.portcullis.security.core;

import java.util.Map;
import java.util.function.Supplier;

/**
 * A 401 or 403 from the guard: DRF's {@code NotAuthenticated}, {@code AuthenticationFailed} and
 * {@code PermissionDenied}. It remembers who denied, so that the denial can be logged and explained.
 */
public final class Denial extends ApiException {

    public enum Kind { NOT_AUTHENTICATED, AUTHENTICATION_FAILED, PERMISSION_DENIED }

    public static final String NOT_AUTHENTICATED_DETAIL = "Authentication credentials were not provided.";
    public static final String PERMISSION_DENIED_DETAIL = "You do not have permission to perform this action.";

    private final Kind kind;
    private final String deniedBy;
    private Caller caller = Caller.ANONYMOUS;
    private Supplier<String> explanation = () -> null;

    private Denial(int status, Kind kind, String detail, String code, String deniedBy, Map<String, Object> extraBody) {
        super(status, detail, code);
        this.kind = kind;
        this.deniedBy = deniedBy;
        extraBody.forEach(this::withField);
    }

    /**
     * DRF's {@code handle_exception}: a 401 carrying the first authenticator's {@code WWW-Authenticate},
     * or a 403 when that authenticator has none or the endpoint has no authenticators.
     */
    public static Denial unauthenticated(Kind kind, String detail, String code, String deniedBy,
                                         Map<String, Object> extraBody, String wwwAuthenticate) {
        Denial denial = new Denial(wwwAuthenticate == null ? 403 : 401, kind, detail, code, deniedBy, extraBody);
        if (wwwAuthenticate != null) {
            denial.withHeader("WWW-Authenticate", wwwAuthenticate);
        }
        return denial;
    }

    public static Denial permissionDenied(String detail, String code, String deniedBy) {
        return new Denial(403, Kind.PERMISSION_DENIED, detail, code, deniedBy, Map.of());
    }

    /** Adds the explanation of this denial to the body, as {@code hint} (after DRF's own fields). */
    public Denial explainedBy(String hint) {
        if (hint != null) {
            withField("hint", hint);
        }
        explanation = () -> hint;
        return this;
    }

    /**
     * Keeps the explanation for the browsable API's page only: the JSON body stays DRF's, and the explanation is
     * put into words only if a page asks for it.
     */
    public Denial explainedOnPageOnly(Supplier<String> hint) {
        explanation = hint;
        return this;
    }

    /** Why the request was denied, when it was explained (hints on, or a staff user), else {@code null}. */
    public String explanation() {
        return explanation.get();
    }

    /** The caller denied: anonymous for a 401. */
    public Denial deniedTo(Caller denied) {
        this.caller = denied;
        return this;
    }

    public Caller caller() {
        return caller;
    }

    public Kind kind() {
        return kind;
    }

    /** The permission class or authenticator that denied, or the guard itself. */
    public String deniedBy() {
        return deniedBy;
    }
}
