package dev.portcullis.cli;

import dev.portcullis.security.guard.EndpointPolicy;
import dev.portcullis.security.guard.PolicyRegistry;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

@Command(name = "list-endpoints", description = "Every endpoint and action with its authentication and permission classes.")
class ListEndpointsCommand implements Callable<Integer> {

    private static final String ROW = "%-7s %-36s %-15s %-55s %s%n";

    @Spec
    CommandLine.Model.CommandSpec spec;

    private final PolicyRegistry registry;

    ListEndpointsCommand(PolicyRegistry registry) {
        this.registry = registry;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        out.printf(ROW, "METHOD", "PATH", "ACTION", "AUTHENTICATION", "PERMISSIONS");
        for (EndpointPolicy policy : registry.policies()) {
            out.printf(ROW, policy.httpMethod(), policy.path(), policy.action(),
                    String.join(",", policy.authenticatorNames()) + " (" + policy.authenticationSource().label() + ")",
                    String.join(",", policy.permissionNames()) + " (" + policy.permissionSource().label() + ")");
        }
        return ManagementCommands.OK;
    }
}
