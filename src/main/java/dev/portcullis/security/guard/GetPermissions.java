package dev.portcullis.security.guard;

import dev.portcullis.security.permission.Permission;

import java.util.List;

/**
 * DRF's {@code get_permissions()}: a {@link ViewSet} that implements it decides its permission classes per action
 * in code. It is asked at start-up, once for every action the resource serves, so the answer may depend on the
 * action only — and it must answer for every one of them: {@code null}, an exception (a {@code default} branch
 * that throws catches a misspelled {@code case}) or a resource that is not a viewset stops start-up, naming the
 * resource and the action. Return {@link #DECLARED} to keep the resource's annotations and the global default
 * for an action on purpose.
 *
 * <p>DRF's {@code action = None} — a method the path does not route — and OPTIONS ({@code metadata}) are not asked:
 * they are checked with the policy the path's routed methods share, or else the resource's annotations and the
 * global default, before their 405 or 200.
 */
public interface GetPermissions {

    /**
     * The answer that keeps the resource's own annotations (and, without them, the global default) for an action;
     * told apart from any other list by identity.
     */
    List<Permission> DECLARED = java.util.Collections.unmodifiableList(new java.util.ArrayList<>());

    /** The permissions for the action; {@link #DECLARED} to keep the declared ones. Never {@code null}. */
    List<Permission> getPermissions(String action);
}
