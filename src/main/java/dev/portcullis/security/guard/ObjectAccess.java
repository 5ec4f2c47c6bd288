package dev.portcullis.security.guard;

import dev.portcullis.security.core.Errors;
import jakarta.inject.Singleton;

import java.util.Optional;

/**
 * DRF's {@code get_object()}: the one way an endpoint loads the object it acts on. Absent (or not visible
 * to the caller): 404. Present: every permission's object-level check, in order, before the endpoint sees it.
 */
@Singleton
public class ObjectAccess {

    private final Guard guard;
    private final GuardContext context;

    public ObjectAccess(Guard guard, GuardContext context) {
        this.guard = guard;
        this.context = context;
    }

    /** @param lookup the object as the caller's scoped query found it */
    public <T> T getObject(Optional<T> lookup) {
        T object = lookup.orElseThrow(Errors::notFound);
        guard.checkObject(context.policy(), context.request(), context.credentials(), object);
        context.objectChecked();
        return object;
    }
}
