package dev.portcullis.cli;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;
import jakarta.inject.Inject;
import picocli.CommandLine;

/**
 * The executable: with no arguments it serves HTTP; with arguments it runs one management command (as
 * Django's {@code manage.py}) and exits with its status.
 */
@QuarkusMain
public class PortcullisMain implements QuarkusApplication {

    @Inject
    CommandLine.IFactory commands;

    public static void main(String... args) {
        if (args.length > 0) {
            // A command must not collide with a running service's ports, and its output is for scripts:
            // listen on random loopback ports (the API's, and a production build's management interface's),
            // and keep the log on stderr. It serves no requests, so it needs no credential cache (nor the
            // connection that keeps the cache in step).
            System.setProperty("quarkus.http.port", "0");
            System.setProperty("portcullis.credential-cache.enabled", "false");
            System.setProperty("quarkus.http.host", "127.0.0.1");
            System.setProperty("quarkus.management.port", "0");
            System.setProperty("quarkus.management.host", "127.0.0.1");
            System.setProperty("quarkus.log.console.stderr", "true");
            System.setProperty("quarkus.log.level", "WARN");
            // No command signs a JWT: where no signing key is configured (a build machine checking the policy
            // lockfile), a key made for this run lets the service start; a configured key still wins.
            System.setProperty("portcullis.jwt.generate-key", "true");
            // The viewsets' querysets are checked before the command runs, never while it exits.
            System.setProperty("portcullis.queryset-checks.beside-requests", "false");
            if (args[0].equals("migrate")) {
                // The command migrates, and says what it did; nothing before it may need the schema it brings.
                System.setProperty("quarkus.flyway.migrate-at-start", "false");
                System.setProperty("portcullis.bootstrap-admin.username", "");
            }
        }
        Quarkus.run(PortcullisMain.class, args);
    }

    @Override
    public int run(String... args) {
        if (args.length == 0) {
            Quarkus.waitForExit();
            return 0;
        }
        return ManagementCommands.run(args, commands);
    }
}
