package dev.portcullis.api.permissions;

import java.util.EnumSet;
import java.util.Set;

/**
 * What an administrator asks to do to an account — the object {@link IsSuperuserForPrivileges} judges.
 *
 * @param username   the account's name
 * @param privileged whether the account is staff or superuser as it stands ({@code false} for a new one)
 * @param changes    what the request changes
 */
public record AccountChange(String username, boolean privileged, Set<Change> changes) {

    /** The kinds of change the rule tells apart. */
    public enum Change {
        /** Setting or clearing {@code is_staff} or {@code is_superuser}. */
        PRIVILEGES("set or clear is_staff or is_superuser"),
        PASSWORD("change the password of"),
        /** Deactivating or reactivating. */
        ACTIVE("deactivate or reactivate"),
        /** Creating or revoking tokens. */
        TOKENS("create or revoke tokens for"),
        /** Deleting the account with everything that is theirs. */
        DELETE("delete"),
        /** Anything else (e-mail, e-mail verification). */
        DETAILS("change");

        final String words;

        Change(String words) {
            this.words = words;
        }
    }

    public AccountChange {
        changes = changes.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(changes));
    }

    /** The change that only a superuser may make, if any: privileges anywhere, or most changes to a privileged account. */
    public Change reservedToSuperusers() {
        if (changes.contains(Change.PRIVILEGES)) {
            return Change.PRIVILEGES;
        }
        if (privileged) {
            for (Change change : new Change[]{Change.PASSWORD, Change.ACTIVE, Change.TOKENS, Change.DELETE}) {
                if (changes.contains(change)) {
                    return change;
                }
            }
        }
        return null;
    }
}
