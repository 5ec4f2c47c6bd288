package dev.portcullis.cli;

import dev.portcullis.security.guard.AccessExplainer;
import dev.portcullis.security.guard.AccessExplanation;
import dev.portcullis.security.permission.Decision;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;

@Command(name = "explain", description = "Would USER (or 'anonymous') be allowed METHOD PATH? Exit 0 if so, 1 if not.")
class ExplainCommand implements Callable<Integer> {

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "USER", description = "A username, or anonymous.")
    String user;

    @Parameters(index = "1", paramLabel = "METHOD", description = "GET, POST, PUT, PATCH, DELETE, HEAD or OPTIONS.")
    String method;

    @Parameters(index = "2", paramLabel = "PATH", description = "The request path, e.g. /api/posts/7/.")
    String path;

    @Parameters(index = "3", paramLabel = "OBJECT_ID", arity = "0..1", description = "The object, for object-level checks.")
    String objectId;

    private final AccessExplainer explainer;

    ExplainCommand(AccessExplainer explainer) {
        this.explainer = explainer;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        AccessExplanation explanation = explainer.explain(user.equals("anonymous") ? null : user,
                method.toUpperCase(Locale.ROOT), path, objectId);
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
        return explanation.allowed() ? ManagementCommands.OK : ManagementCommands.REFUSED;
    }
}
