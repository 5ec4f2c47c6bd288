package dev.portcullis.security.guard;

import dev.portcullis.security.permission.Decision;
import io.quarkus.runtime.annotations.RegisterForReflection;

import java.util.List;

/**
 * Would a user be allowed a method on a path? Each class's verdict, and the status the guard would answer.
 *
 * @param status  the guard's answer: 401/403 when denied, 404 when the object is not there for the user,
 *                405 for a method the endpoint lacks, else 200 (the endpoint's own answer may still differ)
 * @param allowed whether the guard lets the request through to the endpoint
 */
@RegisterForReflection
public record AccessExplanation(String user, String method, String path, String endpoint, String action,
                                List<Verdict> authentication, List<Decision> permissions, boolean allowed,
                                int status, String detail) {

    /** One authentication class and what it would make of the user. */
    @RegisterForReflection
    public record Verdict(String authenticationClass, String verdict) {
    }
}
