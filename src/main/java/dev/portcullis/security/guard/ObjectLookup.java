package dev.portcullis.security.guard;

import dev.portcullis.security.core.Caller;

import java.util.Optional;

/**
 * Implemented by a resource whose endpoints act on one object, so that an explanation can run the object-level
 * checks without running the endpoint: the object as the resource's own scoped query finds it for the caller.
 */
public interface ObjectLookup {

    Optional<Object> lookupObject(String id, Caller caller);
}
