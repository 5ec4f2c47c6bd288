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
 * What the guard reads at start-up, derived from the compiled classes when the project is built (Maven's
 * {@code process-classes} phase runs {@link #main}): every resource ({@code @Path}) and every bean with security
 * declarations. Written twice — as {@link DeclaredClasses}, the list the guard reads instead of reflecting on every
 * bean of every extension, and, with the classes of the application they inherit from, as GraalVM's
 * {@code reflect-config.json} under {@code META-INF/native-image/}, where {@code native-image} finds it — so a new
 * resource is registered by being compiled, with no list to keep.
 */
public final class NativeReflection {

    private static final String APPLICATION = "dev.portcullis.";

    private NativeReflection() {
    }

    /** @param args the compiled classes' directory, the reflection configuration and the list of classes to write */
    public static void main(String[] args) throws IOException {
        SortedSet<Class<?>> declared = declaredIn(Path.of(args[0]), NativeReflection.class.getClassLoader());
        write(Path.of(args[1]), reflectConfig(withSuperclasses(declared)));
        write(Path.of(args[2]), DeclaredClasses.write(declared.stream().map(Class::getName).toList()));
    }

    /** The names of the classes under a directory of compiled classes that the guard reads, with their superclasses. */
    public static SortedSet<String> readByGuard(Path classes, ClassLoader loader) throws IOException {
        return withSuperclasses(declaredIn(classes, loader));
    }

    /** The classes under a directory of compiled classes whose declarations the guard reads at start-up. */
    static SortedSet<Class<?>> declaredIn(Path classes, ClassLoader loader) throws IOException {
        SortedSet<Class<?>> declared = new TreeSet<>(java.util.Comparator.comparing(Class::getName));
        for (String name : classNames(classes)) {
            Class<?> type;
            try {
                type = Class.forName(name, false, loader);
            } catch (ClassNotFoundException | LinkageError unloadable) {
                continue;
            }
            if (Declarations.readable(type) && Declarations.readAtStartup(type)) {
                declared.add(type);
            }
        }
        return declared;
    }

    private static SortedSet<String> withSuperclasses(SortedSet<Class<?>> declared) {
        SortedSet<String> names = new TreeSet<>();
        for (Class<?> type : declared) {
            for (Class<?> read = type; read != null && read.getName().startsWith(APPLICATION); read = read.getSuperclass()) {
                names.add(read.getName());
            }
        }
        return names;
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
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
