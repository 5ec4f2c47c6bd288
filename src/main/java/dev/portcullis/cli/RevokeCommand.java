package dev.portcullis.cli;

import dev.portcullis.accounts.Grants;
import picocli.CommandLine.Command;

@Command(name = "revoke", description = "Take a permission away: the same arguments as grant.")
class RevokeCommand extends GrantChange {

    RevokeCommand(Grants grants) {
        super(grants);
    }

    @Override
    boolean revokes() {
        return true;
    }
}
