package dev.portcullis.cli;

import dev.portcullis.accounts.Grants;
import picocli.CommandLine.Command;

@Command(name = "grant", description = "Grant a model permission (add_note) or, with an object, an object permission.")
class GrantCommand extends GrantChange {

    GrantCommand(Grants grants) {
        super(grants);
    }

    @Override
    boolean revokes() {
        return false;
    }
}
