package dev.portcullis.security.guard;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * What a native executable must keep for reflection so that the guard can read its declarations at start-up, derived
 * from the compiled classes when the project is built (Maven's {@code process-classes} phase runs {@link #main}):
 * every resource ({@code @Path}) and every bean with security declarations, with the classes of the application
 * they inherit from. Written as GraalVM's {@code reflect-config.json} under {@code META-INF/native-image/}, where
 * {@code native-image} finds it — so a new resource is registered by being compiled, with no list to keep.
 */
public final class NativeReflection {

    private static final String APPLICATION = "dev.portcullis.";

    private NativeReflection() {
    }

    /** @param args the compiled classes' directory, and the file to write */
    public static void main(String[] args) throws IOException {
        SortedSet<String> names = readByGuard(Path.of(args[0]), NativeReflection.class.getClassLoader());
        Path config = Path.of(args[1]);
        Files.createDirectories(config.getParent());
        Files.writeString(config, reflectConfig(names));
    }

    /** The names of the classes under a directory of compiled classes that the guard reads at start-up. */
    public static SortedSet<String> readByGuard(Path classes, ClassLoader loader) throws IOException {
        SortedSet<String> names = new TreeSet<>();
        for (String name : classNames(classes)) {
            Class<?> type;
            try {
                type = Class.forName(name, false, loader);
            } catch (ClassNotFoundException | LinkageError unloadable) {
                continue;
            }
            if (Declarations.readable(type) && Declarations.readAtStartup(type)) {
                for (Class<?> read = type; read != null && read.getName().startsWith(APPLICATION); read = read.getSuperclass()) {
                    names.add(read.getName());
                }
            }
        }
        return names;
    }

    private static List<String> classNames(Path classes) throws IOException {
        List<String> names = new ArrayList<>();
        try (Stream<Path> files = Files.walk(classes)) {
            files.filter(file -> file.toString().endsWith(".class")).forEach(file -> {
                String relative = classes.relativize(file).toString();
                names.add(relative.substring(0, relative.length() - ".class".length()).replace(file.getFileSystem()
                        .getSeparator(), "."));
            });
        }
        return names;
    }

    /** GraalVM's reflection configuration: each class with its constructors, methods and fields. */
    static String reflectConfig(SortedSet<String> names) {
        StringBuilder json = new StringBuilder("[\n");
        for (String name : names) {
            json.append(json.length() > 2 ? ",\n" : "").append("  {\"name\": \"").append(name).append("\", ")
                    .append("\"allDeclaredConstructors\": true, \"allPublicConstructors\": true, ")
                    .append("\"allDeclaredMethods\": true, \"allPublicMethods\": true, ")
                    .append("\"allDeclaredFields\": true, \"allPublicFields\": true}");
        }
        return json.append("\n]\n").toString();
    }
}
