package dev.portcullis.accounts.external;

import dev.portcullis.accounts.AuthChanges;
import dev.portcullis.accounts.User;
import dev.portcullis.security.core.AuthenticationFailure;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.inject.Singleton;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The local user an external provider's token stands for: the user named by {@code portcullis.oidc.username-claim}
 * — made on first sight when {@code portcullis.oidc.create-users} is set, else the token is refused — whose groups,
 * when {@code portcullis.oidc.groups-claim} is set, become the service's groups of the names the claim lists, so that
 * model and object permissions work as for anyone else.
 */
@Singleton
public class ExternalUsers {

    private static final Logger LOG = Logger.getLogger(ExternalUsers.class);
    /** Django's {@code set_unusable_password}: no password verifies against it. */
    private static final String UNUSABLE_PASSWORD = "!";
    private static final int USERNAME_LENGTH = 150;

    private final ProviderSettings settings;
    private final EntityManager entityManager;
    private final AuthChanges changes;

    public ExternalUsers(ProviderSettings settings, EntityManager entityManager, AuthChanges changes) {
        this.settings = settings;
        this.entityManager = entityManager;
        this.changes = changes;
    }

    /** The user, made or brought up to date; a refusal in words a client developer can act on. */
    User userOf(Map<String, Object> claims) {
        Object named = claim(claims, settings.usernameClaim);
        if (!(named instanceof String username) || username.isBlank()) {
            throw refused("The token has no '" + settings.usernameClaim + "' claim, which names the user here "
                    + "(portcullis.oidc.username-claim).");
        }
        if (username.length() > USERNAME_LENGTH) {
            throw refused("The token's '" + settings.usernameClaim + "' is longer than a username may be (150).");
        }
        User user = QuarkusTransaction.requiringNew().call(() -> find(username).orElseGet(() -> create(username)));
        if (user == null) {
            throw refused("No user here is named '" + username + "' (the token's '" + settings.usernameClaim
                    + "'): an administrator creates one, or portcullis.oidc.create-users makes users on first sight.");
        }
        if (!user.active) {
            throw new AuthenticationFailure("User inactive or deleted.")
                    .withHint("The token names user '" + user.username + "', whose account is inactive.");
        }
        if (settings.groupsClaim.isPresent()) {
            syncGroups(user, names(claim(claims, settings.groupsClaim.get())));
        }
        return user;
    }

    private Optional<User> find(String username) {
        return User.findByUsername(username);
    }

    private User create(String username) {
        if (!settings.createUsers) {
            return null;
        }
        int inserted = entityManager.createNativeQuery("INSERT INTO users (username, password_hash) VALUES (?1, ?2) "
                        + "ON CONFLICT (username) DO NOTHING")
                .setParameter(1, User.normalize(username)).setParameter(2, UNUSABLE_PASSWORD).executeUpdate();
        if (inserted == 1) {
            LOG.infof("Created user '%s' on first sight of a token from %s", username, settings.issuer.orElse("the provider"));
        }
        return find(username).orElse(null);
    }

    /** Memberships become exactly the groups the claim names that exist here; a change is heard by every replica. */
    private void syncGroups(User user, Set<String> named) {
        QuarkusTransaction.requiringNew().run(() -> {
            String[] names = named.toArray(String[]::new);
            int removed = entityManager.createNativeQuery("DELETE FROM group_members m USING user_groups g "
                            + "WHERE m.group_id = g.id AND m.user_id = ?1 AND NOT (g.name = ANY (CAST(?2 AS text[])))")
                    .setParameter(1, user.id).setParameter(2, names).executeUpdate();
            int added = entityManager.createNativeQuery("INSERT INTO group_members (group_id, user_id) "
                            + "SELECT id, ?1 FROM user_groups WHERE name = ANY (CAST(?2 AS text[])) ON CONFLICT DO NOTHING")
                    .setParameter(1, user.id).setParameter(2, names).executeUpdate();
            if (removed + added > 0) {
                changes.userChanged(user.id);
            }
        });
    }

    /** A claim by name, or by a dotted path into nested objects ({@code realm_access.roles}). */
    static Object claim(Map<String, Object> claims, String path) {
        if (claims.containsKey(path)) {
            return claims.get(path);
        }
        Object value = claims;
        for (String step : path.split("\\.")) {
            if (!(value instanceof Map<?, ?> object)) {
                return null;
            }
            value = object.get(step);
        }
        return value;
    }

    private static Set<String> names(Object value) {
        if (value instanceof Collection<?> list) {
            return list.stream().filter(String.class::isInstance).map(String.class::cast)
                    .map(name -> name.startsWith("/") ? name.substring(1) : name)  // Keycloak's group paths
                    .collect(Collectors.toSet());
        }
        return value instanceof String one ? Set.of(one) : Set.of();
    }

    static AuthenticationFailure refused(String hint) {
        return new AuthenticationFailure("Invalid token.").withHint(hint);
    }

    static List<String> audiences(Object value) {
        return value instanceof Collection<?> list ? list.stream().map(String::valueOf).toList()
                : value == null ? List.of() : List.of(String.valueOf(value));
    }
}
