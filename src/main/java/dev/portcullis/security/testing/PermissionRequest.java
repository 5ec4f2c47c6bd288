package dev.portcullis.security.testing;

import dev.portcullis.security.permission.Evaluation;
import dev.portcullis.security.core.AccessRequest;
import dev.portcullis.security.core.Caller;
import dev.portcullis.security.core.RequestMemo;
import dev.portcullis.security.permission.Permission;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * DRF's {@code APIRequestFactory} for permission classes: "user U sends method M for action A" as a permission
 * class sees it, evaluated with no HTTP and no database —
 *
 * <pre>{@code
 * PermissionRequest.of("DELETE", alice).action("destroy").checkObject(new IsAdminOrOwner(), post)
 *         .assertDenied("You do not have permission to perform this action.");
 * }</pre>
 *
 * An authenticated user counts as authenticated by {@code TokenAuthentication} unless {@link #authenticatedBy}
 * says otherwise; the action defaults to the method's name in lower case.
 */
public final class PermissionRequest {

    private final String method;
    private final Caller user;
    private String action;
    private String authenticator;
    private String model;
    private final Map<String, String> pathParameters = new HashMap<>();

    private PermissionRequest(String method, Caller user) {
        this.method = method.toUpperCase(Locale.ROOT);
        this.user = user;
        this.action = method.toLowerCase(Locale.ROOT);
        this.authenticator = user.authenticated() ? "TokenAuthentication" : null;
    }

    public static PermissionRequest of(String method, Caller user) {
        return new PermissionRequest(method, user);
    }

    /** DRF's {@code view.action}, e.g. {@code destroy}. */
    public PermissionRequest action(String action) {
        this.action = action;
        return this;
    }

    /** The authentication class that recognised the user (DRF's {@code request.successful_authenticator}). */
    public PermissionRequest authenticatedBy(String authenticationClass) {
        this.authenticator = authenticationClass;
        return this;
    }

    /** The model the endpoint serves ({@code @Model}), for model and object permissions. */
    public PermissionRequest model(String model) {
        this.model = model;
        return this;
    }

    public PermissionRequest pathParameter(String name, String value) {
        pathParameters.put(name, value);
        return this;
    }

    public AccessRequest build() {
        return new AccessRequest(user, method, action, pathParameters, authenticator, model, new RequestMemo());
    }

    /** DRF's {@code has_permission}. */
    public Verdict check(Permission permission) {
        return new Verdict(Evaluation.check(permission, build()));
    }

    /**
     * DRF's order for an object: {@code has_permission} when the view was entered, then {@code has_object_permission}
     * in {@code get_object()} — the first that denies is the verdict.
     */
    public Verdict checkObject(Permission permission, Object object) {
        AccessRequest request = build();
        Verdict entry = new Verdict(Evaluation.check(permission, request));
        return entry.allowed() ? new Verdict(Evaluation.checkObject(permission, request, object)) : entry;
    }
}
