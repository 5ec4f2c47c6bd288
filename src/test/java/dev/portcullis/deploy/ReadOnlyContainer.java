package dev.portcullis.deploy;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * An unpacked image run as a pod runs it, without a container runtime: in a mount namespace of its own, its root
 * file system mounted read-only, {@code /proc} and {@code /dev}, a kubelet-style {@code /etc/hosts}, an empty tmpfs for each
 * {@code emptyDir}, a read-only directory for each Secret, then {@code chroot} to it as the image's user, with the
 * image's entrypoint and the environment given. Needs root (mounts, chroot), as a container runtime does.
 */
final class ReadOnlyContainer implements AutoCloseable {

    private static final String SETUP = """
            set -e
            PATH=/usr/sbin:/usr/bin:/sbin:/bin
            root=$1 user=$2 mounts=$3; shift 3
            mount --bind "$root" "$root"
            mount -o remount,bind,ro "$root"
            mount -t proc proc "$root/proc"
            mount --rbind /dev "$root/dev"
            mount --bind -o ro "$root.hosts" "$root/etc/hosts"
            printf '%s\\n' "$mounts" | while IFS='|' read -r kind source target; do
              [ -n "$kind" ] || continue
              if [ "$kind" = emptyDir ]; then mount -t tmpfs -o size=64m,mode=1777 tmpfs "$root$target";
              else mount --bind -o ro "$source" "$root$target"; fi
            done
            exec chroot --userspec="$user" "$root" "$@"
            """;

    private final Process process;

    private ReadOnlyContainer(Process process) {
        this.process = process;
    }

    /**
     * @param mounts for each mount path: {@code "emptyDir"}, or a host directory to mount read-only (a Secret's files)
     */
    static ReadOnlyContainer start(Path root, String user, List<String> entrypoint, Map<String, String> environment,
            Map<String, String> mounts, Path log) throws IOException {
        // Mount points the runtime makes: they are directories of the container, not of the image.
        Files.createDirectories(root.resolve("proc"));
        Files.createDirectories(root.resolve("dev"));
        Files.writeString(root.resolveSibling(root.getFileName() + ".hosts"),
                "127.0.0.1 localhost\n::1 localhost\n127.0.1.1 " + InetAddress.getLocalHost().getHostName() + "\n");
        Files.createDirectories(root.resolve("etc"));
        if (!Files.exists(root.resolve("etc/hosts"))) {
            Files.createFile(root.resolve("etc/hosts"));
        }
        StringBuilder table = new StringBuilder();
        for (Map.Entry<String, String> mount : mounts.entrySet()) {
            Files.createDirectories(root.resolve(mount.getKey().substring(1)));
            boolean empty = mount.getValue().equals("emptyDir");
            table.append(empty ? "emptyDir" : "secret").append('|').append(empty ? "" : mount.getValue()).append('|')
                    .append(mount.getKey()).append('\n');
        }
        List<String> command = new ArrayList<>(List.of("unshare", "--mount", "--propagation", "private", "sh", "-c",
                SETUP, "setup", root.toAbsolutePath().toString(), user, table.toString()));
        command.addAll(entrypoint);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().clear();
        builder.environment().putAll(environment);
        return new ReadOnlyContainer(builder.start());
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** The exit status of a container that runs to its end (an init container), or -1 if it outlived the wait. */
    int awaitExit(java.time.Duration wait) throws InterruptedException {
        return process.waitFor(wait.toMillis(), TimeUnit.MILLISECONDS) ? process.exitValue() : -1;
    }

    /** SIGTERM, as the kubelet stops a container; the JVM is the process that gets it (exec all the way). */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(40, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
