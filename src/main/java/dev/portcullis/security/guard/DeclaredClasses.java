package dev.portcullis.security.guard;

import io.quarkus.runtime.LaunchMode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * The application's classes with security declarations (resources included), as the build found them in the compiled
 * classes ({@link NativeReflection}). At start-up the guard reads the annotations of these beans only: reflecting on
 * every bean of every extension to find none cost a tenth of a second and loaded hundreds of classes for nothing.
 * <p>
 * Only a packaged application trusts the list. Dev mode recompiles a class without the build's step, and tests hold
 * resources of their own, so both read every bean, as does an application whose build wrote no list.
 */
final class DeclaredClasses {

    static final String RESOURCE = "portcullis/declared-classes";

    private DeclaredClasses() {
    }

    /** The class names the build listed, or empty when every bean must be read. */
    static Optional<Set<String>> fromBuild() {
        return LaunchMode.current() == LaunchMode.NORMAL ? read(Thread.currentThread().getContextClassLoader()) : Optional.empty();
    }

    static Optional<Set<String>> read(ClassLoader loader) {
        try {
            Enumeration<URL> lists = loader.getResources(RESOURCE);
            if (!lists.hasMoreElements()) {
                return Optional.empty();
            }
            Set<String> names = new HashSet<>();
            while (lists.hasMoreElements()) {
                try (InputStream in = lists.nextElement().openStream()) {
                    new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                            .filter(line -> !line.isBlank() && !line.startsWith("#")).forEach(names::add);
                }
            }
            return Optional.of(Set.copyOf(names));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE, e);
        }
    }

    /** The list's text: a line of explanation, then one class name per line. */
    static String write(Collection<String> names) {
        StringBuilder text = new StringBuilder("# The classes whose security declarations the guard reads at start-up, "
                + "written by the build.\n");
        names.stream().sorted().forEach(name -> text.append(name).append('\n'));
        return text.toString();
    }
}
