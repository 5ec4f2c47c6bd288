package dev.portcullis.cli;

import dev.portcullis.accounts.Devices;
import dev.portcullis.viewsets.DateTimeField;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

@Command(name = "devices", description = "List the devices USER is signed in on: id, kind, created, last used, name.")
class DevicesCommand implements Callable<Integer> {

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "USER", description = "The username.")
    String username;

    private final Devices devices;

    DevicesCommand(Devices devices) {
        this.devices = devices;
    }

    @Override
    public Integer call() {
        return Users.withUser(username, spec.commandLine().getErr(), user -> {
            for (Devices.Device device : devices.of(user.id)) {
                spec.commandLine().getOut().println(String.join("\t", Long.toString(device.id()), device.kind(),
                        DateTimeField.isoFormat(device.createdAt()), DateTimeField.isoFormat(device.lastUsedAt()),
                        device.name()));
            }
            return ManagementCommands.OK;
        });
    }
}
