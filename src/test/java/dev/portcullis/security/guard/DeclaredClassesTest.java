package dev.portcullis.security.guard;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The list of classes the build writes and a packaged application's guard reads instead of every bean. */
class DeclaredClassesTest {

    @Test
    void whatIsWrittenIsReadBackWithoutItsExplanation(@TempDir Path classes) throws IOException {
        write(classes, DeclaredClasses.write(List.of("b.Second", "a.First$Nested")));
        assertEquals(Optional.of(Set.of("a.First$Nested", "b.Second")), DeclaredClasses.read(loaderOf(classes)));
        assertEquals("# The classes whose security declarations the guard reads at start-up, written by the build.\n"
                + "a.First$Nested\nb.Second\n", Files.readString(classes.resolve(DeclaredClasses.RESOURCE)));
    }

    @Test
    void noListMeansEveryBeanIsRead(@TempDir Path classes) throws IOException {
        assertEquals(Optional.empty(), DeclaredClasses.read(loaderOf(classes)));
        write(classes, DeclaredClasses.write(List.of()));
        assertEquals(Optional.of(Set.of()), DeclaredClasses.read(loaderOf(classes)), "an empty list is a list");
    }

    /** The build's list is exactly what the guard would find by reading every compiled class. */
    @Test
    void theBuildListsTheMainClassesWithDeclarations() throws IOException {
        Set<String> listed = DeclaredClasses.read(loaderOf(Path.of("target/classes"))).orElseThrow();
        Set<String> found = new java.util.TreeSet<>();
        NativeReflection.declaredIn(Path.of("target/classes"), getClass().getClassLoader())
                .forEach(type -> found.add(type.getName()));
        assertEquals(found, new java.util.TreeSet<>(listed));
    }

    private static void write(Path classes, String text) throws IOException {
        Path file = classes.resolve(DeclaredClasses.RESOURCE);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private static ClassLoader loaderOf(Path classes) throws IOException {
        return new URLClassLoader(new URL[]{classes.toUri().toURL()}, null);
    }
}
