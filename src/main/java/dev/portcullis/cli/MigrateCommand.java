package dev.portcullis.cli;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.output.MigrateResult;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/**
 * {@code migrate}: brings the database's schema up to this build's, as Django's {@code manage.py migrate} — the
 * step a deployment runs before the new version starts, where the service does not migrate at start-up
 * ({@code quarkus.flyway.migrate-at-start=false}: the Lambda function, and Kubernetes' init container). Replicas
 * that migrate at the same moment wait for one another on Flyway's lock.
 */
@Command(name = "migrate", description = "Apply the migrations the database has not had yet (exit 0 when its schema is this build's).")
class MigrateCommand implements Callable<Integer> {

    @Spec
    CommandLine.Model.CommandSpec spec;

    private final Flyway flyway;

    MigrateCommand(Flyway flyway) {
        this.flyway = flyway;
    }

    @Override
    public Integer call() {
        MigrateResult result;
        try {
            result = flyway.migrate();
        } catch (FlywayException failed) {
            spec.commandLine().getErr().println("migrate: " + failed.getMessage());
            return ManagementCommands.REFUSED;
        }
        int applied = result.migrationsExecuted;
        spec.commandLine().getOut().println(applied == 0
                ? "No migrations to apply: the schema is at version " + currentVersion() + "."
                : "Applied " + applied + " migration" + (applied == 1 ? "" : "s") + ": the schema is at version "
                        + result.targetSchemaVersion + " (was " + (result.initialSchemaVersion == null ? "empty"
                        : result.initialSchemaVersion) + ").");
        return ManagementCommands.OK;
    }

    private String currentVersion() {
        MigrationInfo current = flyway.info().current();
        return current == null ? "none" : current.getVersion().getVersion();
    }
}
