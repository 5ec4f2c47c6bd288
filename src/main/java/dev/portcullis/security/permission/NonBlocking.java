package dev.portcullis.security.permission;

/**
 * A permission class whose checks read only what the request carries (the user, the method, the object handed to
 * it) and never block: the guard may run it on an event-loop thread. Any other class is taken to read the database
 * and runs on a worker thread — the safe default, since a class that blocks an event loop stalls every request on it.
 */
public interface NonBlocking {
}
