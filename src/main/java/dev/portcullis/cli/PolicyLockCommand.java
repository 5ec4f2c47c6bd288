package dev.portcullis.cli;

import dev.portcullis.security.lock.PolicyDiff;
import dev.portcullis.security.lock.PolicyLockFile;
import dev.portcullis.security.lock.PolicySnapshot;
import dev.portcullis.security.lock.LockEntry;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code policy-lock --check | --write [--file PATH]}: the running policies against the lockfile. Exit 0 when
 * they are equal (or the file was written), 1 with the classified differences, 2 on a usage error or a file that
 * cannot be read.
 */
@Singleton
public class PolicyLockCommand {

    private static final String USAGE = "policy-lock takes --check or --write, and optionally --file PATH.";

    private final PolicySnapshot snapshot;

    public PolicyLockCommand(PolicySnapshot snapshot) {
        this.snapshot = snapshot;
    }

    int run(List<String> args, PrintStream out, PrintStream err) {
        String mode = null;
        Path file = null;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if ((arg.equals("--check") || arg.equals("--write")) && mode == null) {
                mode = arg;
            } else if (arg.equals("--file") && file == null && i + 1 < args.size()) {
                file = Path.of(args.get(++i));
            } else {
                return ManagementCommands.usage(err, USAGE);
            }
        }
        if (mode == null) {
            return ManagementCommands.usage(err, USAGE);
        }
        return mode.equals("--write") ? write(file, out, err) : check(file, out, err);
    }

    private int write(Path file, PrintStream out, PrintStream err) {
        Path target = file != null ? file : Path.of(PolicyLockFile.SOURCE_PATH);
        if (target.toAbsolutePath().getParent() == null || !Files.isDirectory(target.toAbsolutePath().getParent())) {
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
        out.println("wrote " + entries.size() + " policies to " + target);
        return ManagementCommands.OK;
    }

    private int check(Path file, PrintStream out, PrintStream err) {
        String name = file != null ? file.toString() : PolicyLockFile.RESOURCE + " (in this build)";
        List<LockEntry> locked;
        try {
            String text = file != null ? Files.readString(file) : bundled();
            locked = PolicyLockFile.parse(text);
        } catch (IOException | UncheckedIOException e) {
            err.println("Cannot read the lockfile " + name + " (" + e.getMessage() + "): write one with policy-lock --write.");
            return ManagementCommands.USAGE;
        } catch (IllegalArgumentException e) {
            err.println("Cannot read the lockfile " + name + ": " + e.getMessage());
            return ManagementCommands.USAGE;
        }
        PolicyDiff diff = PolicyDiff.between(locked, snapshot.entries());
        out.print(diff.render(name));
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
