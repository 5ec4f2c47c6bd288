package dev.portcullis.cli;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portcullis.accounts.Grants;
import dev.portcullis.api.GrantRequest;
import dev.portcullis.web.Payload;
import io.quarkus.narayana.jta.QuarkusTransaction;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/**
 * {@code grant} and {@code revoke}: a model permission (add_note) for a user or a group, or with an object, an
 * object permission — validated as {@code POST /api/admin/grants/} validates its body.
 */
abstract class GrantChange implements Callable<Integer> {

    static class Grantee {
        @Option(names = "--username", required = true, paramLabel = "NAME", description = "To or from a user.")
        String username;

        @Option(names = "--group", required = true, paramLabel = "NAME", description = "To or from a group.")
        String group;
    }

    @Spec
    CommandLine.Model.CommandSpec spec;

    @ArgGroup(multiplicity = "1")
    Grantee grantee;

    @Option(names = "--permission", required = true, paramLabel = "CODENAME", description = "e.g. add_note, view_document.")
    String permission;

    @Option(names = "--object-type", paramLabel = "TYPE", description = "For an object permission: the model, e.g. document.")
    String objectType;

    @Option(names = "--object-id", paramLabel = "ID", description = "For an object permission: the object's id.")
    String objectId;

    private final Grants grants;

    GrantChange(Grants grants) {
        this.grants = grants;
    }

    abstract boolean revokes();

    private static void putGiven(ObjectNode body, String field, String value) {
        if (value != null) {
            body.put(field, value);
        }
    }

    @Override
    public Integer call() {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        putGiven(body, "username", grantee.username);
        putGiven(body, "group", grantee.group);
        putGiven(body, "permission", permission);
        putGiven(body, "object_type", objectType);
        putGiven(body, "object_id", objectId);
        GrantRequest request = QuarkusTransaction.requiringNew().call(() -> {
            GrantRequest parsed = GrantRequest.of(new Payload(body));
            if (revokes()) {
                grants.revoke(parsed.grantee(), parsed.grant());
            } else {
                grants.grant(parsed.grantee(), parsed.grant());
            }
            return parsed;
        });
        GrantRequest.GrantView view = request.view();
        spec.commandLine().getOut().println((revokes() ? "revoked " : "granted ") + view.permission()
                + (view.objectType() == null ? "" : " on " + view.objectType() + " " + view.objectId())
                + (revokes() ? " from " : " to ") + (view.username() != null ? "user " + view.username()
                : "group " + view.group()));
        return ManagementCommands.OK;
    }
}
