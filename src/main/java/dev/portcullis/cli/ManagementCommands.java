package dev.portcullis.cli;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portcullis.accounts.Accounts;
import dev.portcullis.accounts.Grants;
import dev.portcullis.accounts.Tokens;
import dev.portcullis.accounts.User;
import dev.portcullis.api.GrantRequest;
import dev.portcullis.security.core.ApiException;
import dev.portcullis.security.core.ValidationError;
import dev.portcullis.security.guard.AccessExplainer;
import dev.portcullis.security.guard.AccessExplanation;
import dev.portcullis.security.guard.EndpointPolicy;
import dev.portcullis.security.guard.PolicyRegistry;
import dev.portcullis.security.permission.Decision;
import dev.portcullis.web.Payload;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.inject.Singleton;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The management commands. Exit status: 0 done (or allowed / valid), 1 refused (no such user, invalid
 * token, denied), 2 bad arguments. Results go to stdout, one fact per line; messages to stderr.
 */
@Singleton
public class ManagementCommands {

    static final int OK = 0;
    static final int REFUSED = 1;
    static final int USAGE = 2;

    static final String HELP = """
            Usage: java -jar quarkus-run.jar <command> [arguments]
              createsuperuser --username NAME [--email EMAIL] [--password PASSWORD]
                                   (or the password in PORTCULLIS_SUPERUSER_PASSWORD)
              changepassword --username NAME [--password PASSWORD]
                                   (or the password in PORTCULLIS_NEW_PASSWORD) set a new password; the user's
                                   sessions end on every replica
              create-token USER    print a new token for USER
              revoke-token USER    revoke every token of USER
              check-token KEY      tell whether KEY is a valid token, and whose
              grant (--username NAME | --group NAME) --permission CODENAME [--object-type TYPE --object-id ID]
                                   grant a model permission (add_note) or, with an object, an object permission
              revoke ...           the same arguments as grant: take the permission away
              list-endpoints       every endpoint and action with its authentication and permission classes
              explain USER METHOD PATH [OBJECT_ID]
                                   would USER (or 'anonymous') be allowed METHOD PATH? Exit 0 if so, 1 if not
              policy-lock (--check | --write) [--file PATH]
                                   --check: compare the running policies with the lockfile (this build's, or
                                   PATH); exit 0 if equal, 1 with the differences (looser, changed, tighter).
                                   --write: write the lockfile (src/main/resources/portcullis/policies.lock, or PATH)
            """;

    private final Accounts accounts;
    private final Tokens tokens;
    private final PolicyRegistry registry;
    private final AccessExplainer explainer;
    private final Grants grants;
    private final PolicyLockCommand policyLock;

    public ManagementCommands(Accounts accounts, Tokens tokens, PolicyRegistry registry, AccessExplainer explainer,
                              Grants grants, PolicyLockCommand policyLock) {
        this.grants = grants;
        this.policyLock = policyLock;
        this.accounts = accounts;
        this.tokens = tokens;
        this.registry = registry;
        this.explainer = explainer;
    }

    public int run(String[] args, PrintStream out, PrintStream err) {
        List<String> rest = Arrays.asList(args).subList(1, args.length);
        try {
            return switch (args[0]) {
                case "createsuperuser" -> createSuperuser(rest, out, err);
                case "changepassword" -> changePassword(rest, out, err);
                case "create-token" -> withUser(rest, err, user -> {
                    out.println(tokens.issue(user));
                    return OK;
                });
                case "revoke-token" -> withUser(rest, err, user -> {
                    out.println("revoked " + tokens.revokeAll(user) + " token(s) of " + user.username);
                    return OK;
                });
                case "check-token" -> checkToken(rest, out, err);
                case "grant", "revoke" -> grant(args[0].equals("revoke"), rest, out, err);
                case "list-endpoints" -> listEndpoints(rest, out, err);
                case "explain" -> explain(rest, out, err);
                case "policy-lock" -> policyLock.run(rest, out, err);
                case "help", "--help", "-h" -> {
                    out.print(HELP);
                    yield OK;
                }
                default -> usage(err, "Unknown command '" + args[0] + "'.");
            };
        } catch (ValidationError e) {
            e.errors().forEach((field, messages) -> err.println(field + ": " + String.join(" ", messages)));
            return REFUSED;
        } catch (ApiException e) {
            err.println(e.detail());
            return REFUSED;
        }
    }

    /** {@code --name value} pairs, or empty when an option is unknown or has no value. */
    private static Optional<Map<String, String>> options(List<String> args, List<String> known) {
        Map<String, String> options = new java.util.LinkedHashMap<>();
        for (int i = 0; i < args.size(); i += 2) {
            if (!known.contains(args.get(i)) || i + 1 >= args.size()) {
                return Optional.empty();
            }
            options.put(args.get(i).substring(2), args.get(i + 1));
        }
        return Optional.of(options);
    }

    private int grant(boolean revoke, List<String> args, PrintStream out, PrintStream err) {
        Optional<Map<String, String>> options = options(args, List.of("--username", "--group", "--permission",
                "--object-type", "--object-id"));
        if (options.isEmpty()) {
            return usage(err, (revoke ? "revoke" : "grant") + " takes (--username NAME | --group NAME) "
                    + "--permission CODENAME [--object-type TYPE --object-id ID].");
        }
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        options.get().forEach((name, value) -> body.put(name.replace('-', '_'), value));
        GrantRequest request = QuarkusTransaction.requiringNew().call(() -> {
            GrantRequest parsed = GrantRequest.of(new Payload(body));
            if (revoke) {
                grants.revoke(parsed.grantee(), parsed.grant());
            } else {
                grants.grant(parsed.grantee(), parsed.grant());
            }
            return parsed;
        });
        GrantRequest.GrantView view = request.view();
        out.println((revoke ? "revoked " : "granted ") + view.permission()
                + (view.objectType() == null ? "" : " on " + view.objectType() + " " + view.objectId())
                + (revoke ? " from " : " to ") + (view.username() != null ? "user " + view.username()
                : "group " + view.group()));
        return OK;
    }

    private int createSuperuser(List<String> args, PrintStream out, PrintStream err) {
        Map<String, String> options = options(args, List.of("--username", "--email", "--password")).orElse(null);
        if (options == null) {
            return usage(err, "createsuperuser takes --username NAME [--email EMAIL] [--password PASSWORD].");
        }
        String password = Optional.ofNullable(options.get("password"))
                .orElse(System.getenv("PORTCULLIS_SUPERUSER_PASSWORD"));
        if (options.get("username") == null || password == null || password.isEmpty()) {
            return usage(err, "createsuperuser needs --username and a password (--password or PORTCULLIS_SUPERUSER_PASSWORD).");
        }
        User user = accounts.create(new Accounts.NewUser(options.get("username"), password,
                options.getOrDefault("email", ""), true, true, true, true));
        out.println("created superuser " + user.username);
        return OK;
    }

    private int changePassword(List<String> args, PrintStream out, PrintStream err) {
        Map<String, String> options = options(args, List.of("--username", "--password")).orElse(null);
        String password = options == null ? null : Optional.ofNullable(options.get("password"))
                .orElse(System.getenv("PORTCULLIS_NEW_PASSWORD"));
        if (options == null || options.get("username") == null || password == null || password.isEmpty()) {
            return usage(err, "changepassword needs --username and a password (--password or PORTCULLIS_NEW_PASSWORD).");
        }
        return withUser(List.of(options.get("username")), err, user -> {
            accounts.changePassword(user.id, password);
            out.println("changed the password of " + user.username);
            return OK;
        });
    }

    private interface UserCommand {
        int run(User user);
    }

    private int withUser(List<String> args, PrintStream err, UserCommand command) {
        if (args.size() != 1) {
            return usage(err, "This command takes one argument: a username.");
        }
        Optional<User> user = QuarkusTransaction.joiningExisting().call(() -> User.findByUsername(args.get(0)));
        if (user.isEmpty()) {
            err.println("No user named '" + args.get(0) + "'.");
            return REFUSED;
        }
        return command.run(user.get());
    }

    private int checkToken(List<String> args, PrintStream out, PrintStream err) {
        if (args.size() != 1) {
            return usage(err, "check-token takes one argument: the key.");
        }
        Optional<User> user = tokens.userOf(args.get(0));
        if (user.isEmpty()) {
            out.println("invalid: no valid token has this key (unknown, revoked or expired)");
            return REFUSED;
        }
        out.println((user.get().active ? "valid: " : "invalid: inactive user ") + user.get().username);
        return user.get().active ? OK : REFUSED;
    }

    private int listEndpoints(List<String> args, PrintStream out, PrintStream err) {
        if (!args.isEmpty()) {
            return usage(err, "list-endpoints takes no arguments.");
        }
        out.printf("%-7s %-36s %-15s %-55s %s%n", "METHOD", "PATH", "ACTION", "AUTHENTICATION", "PERMISSIONS");
        for (EndpointPolicy policy : registry.policies()) {
            out.printf("%-7s %-36s %-15s %-55s %s%n", policy.httpMethod(), policy.path(), policy.action(),
                    String.join(",", policy.authenticatorNames()) + " (" + source(policy.authenticationSource()) + ")",
                    String.join(",", policy.permissionNames()) + " (" + source(policy.permissionSource()) + ")");
        }
        return OK;
    }

    private int explain(List<String> args, PrintStream out, PrintStream err) {
        if (args.size() < 3 || args.size() > 4) {
            return usage(err, "explain takes USER METHOD PATH [OBJECT_ID] (USER may be 'anonymous').");
        }
        String user = args.get(0).equals("anonymous") ? null : args.get(0);
        AccessExplanation explanation = explainer.explain(user, args.get(1).toUpperCase(Locale.ROOT), args.get(2),
                args.size() == 4 ? args.get(3) : null);
        out.println("endpoint: " + explanation.method() + " " + explanation.endpoint() + " (action '"
                + explanation.action() + "')");
        explanation.authentication().forEach(v -> out.println("authentication: " + v.authenticationClass() + ": "
                + v.verdict()));
        for (Decision decision : explanation.permissions()) {
            out.println("permission: " + decision.permission() + " (" + decision.level() + "): "
                    + (decision.allowed() ? "allows" : "denies" + (decision.denialHint() == null ? ""
                    : " - " + decision.denialHint())));
        }
        out.println("verdict: " + (explanation.allowed() ? "allowed" : "denied") + " (" + explanation.status()
                + (explanation.detail() == null ? "" : " " + explanation.detail()) + ")");
        return explanation.allowed() ? OK : REFUSED;
    }

    private static String source(EndpointPolicy.Source source) {
        return source.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    static int usage(PrintStream err, String problem) {
        err.println(problem);
        err.print(HELP);
        return USAGE;
    }
}
