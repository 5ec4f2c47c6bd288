package dev.portcullis.security.core;

/** An object with an owner, for ownership checks ({@code obj.owner == request.user}). */
public interface Owned {

    /** The primary key of the owning user. */
    Long ownerId();

    default boolean isOwnedBy(Caller caller) {
        return caller.authenticated() && caller.id().equals(ownerId());
    }
}
