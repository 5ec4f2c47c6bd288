package dev.portcullis.lambda;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * {@code target/function.zip} run as Lambda runs it: unpacked into a task directory, then started by AWS's runtime
 * client with the handler of the SAM template (the Java runtime), or by its {@code bootstrap} (a native build's
 * {@code provided} runtime), given its settings as environment variables.
 */
final class PackagedFunction implements AutoCloseable {

    static final String HANDLER = "io.quarkus.amazon.lambda.runtime.QuarkusStreamHandler::handleRequest";

    private final Process process;

    private PackagedFunction(Process process) {
        this.process = process;
    }

    static PackagedFunction start(String runtimeApi, Map<String, String> settings) throws IOException {
        Path task = unpack(Path.of("target", "function.zip"), Path.of("target", "lambda-task"));
        List<String> command = new ArrayList<>();
        if (Files.exists(task.resolve("bootstrap"))) {
            command.add(task.resolve("bootstrap").toAbsolutePath().toString());
        } else {
            command.addAll(List.of(ProcessHandle.current().info().command().orElse("java"), "-cp",
                    Path.of("target", "lambda-runtime").toAbsolutePath() + "/*",
                    "com.amazonaws.services.lambda.runtime.api.client.AWSLambda", HANDLER));
        }
        Path log = Path.of("target", "lambda-function.log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(task.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("AWS_LAMBDA_RUNTIME_API", runtimeApi);
        builder.environment().put("LAMBDA_TASK_ROOT", task.toAbsolutePath().toString());
        builder.environment().put("_HANDLER", HANDLER);
        settings.forEach((property, value) -> builder.environment().put(variableOf(property), value));
        return new PackagedFunction(builder.start());
    }

    /** Quarkus's environment-variable form of a property name. */
    static String variableOf(String property) {
        return property.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }

    private static Path unpack(Path zip, Path task) throws IOException {
        if (Files.exists(task)) {
            try (Stream<Path> old = Files.walk(task)) {
                for (Path path : old.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
        try (ZipInputStream entries = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry entry = entries.getNextEntry(); entry != null; entry = entries.getNextEntry()) {
                Path target = task.resolve(entry.getName()).normalize();
                if (!target.startsWith(task)) {
                    throw new IOException("entry outside the task directory: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(entries, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        for (String executable : List.of("bootstrap", "runner")) {
            if (Files.exists(task.resolve(executable))) {
                Files.setPosixFilePermissions(task.resolve(executable), PosixFilePermissions.fromString("rwxr-xr-x"));
            }
        }
        return task;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
