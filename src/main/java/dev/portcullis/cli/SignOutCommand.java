package dev.portcullis.cli;

import dev.portcullis.accounts.Devices;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

@Command(name = "sign-out", description = "Sign USER out of one DEVICE (its id, from the devices command) or, with "
        + "--all, of every one; every replica refuses what was signed out within a second.")
class SignOutCommand implements Callable<Integer> {

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "USER", description = "The username.")
    String username;

    @Parameters(index = "1", arity = "0..1", paramLabel = "DEVICE", description = "The device's id.")
    Long device;

    @Option(names = "--all", description = "Every device, and every JWT issued before devices were kept.")
    boolean all;

    private final Devices devices;

    SignOutCommand(Devices devices) {
        this.devices = devices;
    }

    @Override
    public Integer call() {
        if (all == (device != null)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "Name one DEVICE, or --all.");
        }
        return Users.withUser(username, spec.commandLine().getErr(), user -> {
            if (all) {
                devices.signOutAll(user.id);
                spec.commandLine().getOut().println("signed " + user.username + " out everywhere");
                return ManagementCommands.OK;
            }
            if (!devices.signOut(user.id, device)) {
                spec.commandLine().getErr().println(user.username + " has no device " + device);
                return ManagementCommands.REFUSED;
            }
            spec.commandLine().getOut().println("signed " + user.username + " out of device " + device);
            return ManagementCommands.OK;
        });
    }
}
