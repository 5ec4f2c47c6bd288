package dev.portcullis.security.guard;

import dev.portcullis.security.core.Caller;

import java.util.Optional;

/** Finds the {@link Caller} a username stands for, so that access can be explained for any user. */
public interface CallerDirectory {

    /** The user as permission classes would see them, or empty when there is no active user of that name. */
    Optional<Caller> find(String username);
}
