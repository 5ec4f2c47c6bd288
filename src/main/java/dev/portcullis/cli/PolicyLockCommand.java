package dev.portcullis.cli;

import dev.portcullis.security.lock.LockEntry;
import dev.portcullis.security.lock.PolicyDiff;
import dev.portcullis.security.lock.PolicyLockFile;
import dev.portcullis.security.lock.PolicySnapshot;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code policy-lock --check | --write [--file PATH]}: the running policies against the lockfile. Exit 0 when
 * they are equal (or the file was written), 1 with the classified differences, 2 on a usage error or a file that
 * cannot be read.
 */
@Command(name = "policy-lock", description = "Compare the running policies with the policy lockfile, or write it.")
class PolicyLockCommand implements Callable<Integer> {

    static class Mode {
        @Option(names = "--check", required = true, description = "Compare with the lockfile (this build's, or PATH): "
                + "exit 0 if equal, 1 with the differences (looser, changed, tighter).")
        boolean check;

        @Option(names = "--write", required = true, description = "Write the lockfile (" + PolicyLockFile.SOURCE_PATH
                + ", or PATH).")
        boolean write;
    }

    @Spec
    CommandLine.Model.CommandSpec spec;

    @ArgGroup(multiplicity = "1")
    Mode mode;

    @Option(names = "--file", paramLabel = "PATH", description = "Another lockfile.")
    Path file;

    private final PolicySnapshot snapshot;

    PolicyLockCommand(PolicySnapshot snapshot) {
        this.snapshot = snapshot;
    }

    @Override
    public Integer call() {
        return mode.write ? write() : check();
    }

    private int write() {
        PrintWriter err = spec.commandLine().getErr();
        Path target = file != null ? file : Path.of(PolicyLockFile.SOURCE_PATH);
        Path directory = target.toAbsolutePath().getParent();
        if (directory == null || !Files.isDirectory(directory)) {
            err.println("No directory for " + target + ": run policy-lock --write from the project's root, or give --file PATH.");
            return ManagementCommands.USAGE;
        }
        List<LockEntry> entries = snapshot.entries();
        try {
            Files.writeString(target, PolicyLockFile.render(entries));
        } catch (IOException e) {
            err.println("Cannot write " + target + ": " + e.getMessage());
            return ManagementCommands.USAGE;
        }
        spec.commandLine().getOut().println("wrote " + entries.size() + " policies to " + target);
        return ManagementCommands.OK;
    }

    private int check() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String name = file != null ? file.toString() : PolicyLockFile.RESOURCE + " (in this build)";
        List<LockEntry> locked;
        try {
            locked = PolicyLockFile.parse(file != null ? Files.readString(file) : bundled());
        } catch (IOException e) {
            err.println("Cannot read the lockfile " + name + " (" + e.getMessage() + "): write one with policy-lock --write.");
            return ManagementCommands.USAGE;
        } catch (IllegalArgumentException e) {
            err.println("Cannot read the lockfile " + name + ": " + e.getMessage());
            return ManagementCommands.USAGE;
        }
        PolicyDiff diff = PolicyDiff.between(locked, snapshot.entries());
        out.print(diff.render(name));
        out.flush();
        if (diff.isEmpty()) {
            return ManagementCommands.OK;
        }
        out.println("\nIf these changes are meant, accept them with policy-lock --write and commit the lockfile with them.");
        return ManagementCommands.REFUSED;
    }

    private static String bundled() throws IOException {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(PolicyLockFile.RESOURCE)) {
            if (in == null) {
                throw new IOException("not in this build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
