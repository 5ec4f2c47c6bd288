package dev.portcullis.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portcullis.examples.invoices.InvoiceViewSet;
import dev.portcullis.examples.library.LibraryViewSets;
import dev.portcullis.examples.library.LoanBoard;
import dev.portcullis.security.guard.NativeReflection;
import dev.portcullis.security.guard.PolicyRegistry;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A native executable keeps, for reflection, every class the guard reads at start-up: the build derives the list
 * from the compiled classes into GraalVM's {@code reflect-config.json}, so a new resource needs no registration. The
 * same build lists those classes for the guard, which reads only them in a packaged application.
 */
@QuarkusTest
class NativeReflectionTest {

    static final String CONFIG = "META-INF/native-image/dev.portcullis/portcullis/reflect-config.json";
    static final String DECLARED = "portcullis/declared-classes";

    @Inject
    PolicyRegistry registry;

    @Test
    void everyResourceAndTheViewsetsItExtendsAreKept() throws IOException {
        Set<String> kept = new TreeSet<>();
        for (JsonNode entry : config()) {
            kept.add(entry.get("name").asText());
            for (String member : new String[]{"allDeclaredConstructors", "allDeclaredMethods", "allPublicMethods",
                    "allDeclaredFields"}) {
                assertTrue(entry.get(member).asBoolean(), entry + " lacks " + member);
            }
        }
        // The examples live in the test sources, outside the artifact a native build compiles.
        Set<String> read = registry.routes().stream().map(PolicyRegistry.Route::resourceClass)
                .filter(type -> !type.getPackageName().startsWith("dev.portcullis.examples"))
                .flatMap(type -> Stream.<Class<?>>iterate(type, t -> t != null && t.getName().startsWith("dev.portcullis."),
                        Class::getSuperclass))
                .map(Class::getName).collect(Collectors.toCollection(TreeSet::new));
        assertTrue(kept.containsAll(read), "not kept: " + read.stream().filter(name -> !kept.contains(name)).toList());
        assertTrue(kept.contains("dev.portcullis.viewsets.GenericViewSet"), kept.toString());
    }

    /**
     * The list a packaged application reads instead of every bean names each class whose declarations the guard read
     * here, where every bean was read: each resource and each guarded service bean of the main classes.
     */
    @Test
    void theListOfDeclaredClassesNamesEveryResourceTheGuardReads() throws IOException {
        Set<String> listed;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(DECLARED)) {
            assertNotNull(in, DECLARED + " was not written by the build");
            listed = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.startsWith("#")).collect(Collectors.toSet());
        }
        Set<String> read = registry.routes().stream().map(PolicyRegistry.Route::resourceClass)
                .filter(type -> !type.getPackageName().startsWith("dev.portcullis.examples"))
                .map(Class::getName).collect(Collectors.toCollection(TreeSet::new));
        assertTrue(read.size() > 20, read.toString());
        assertTrue(listed.containsAll(read), "not listed: " + read.stream().filter(name -> !listed.contains(name)).toList());
        Set<String> kept = NativeReflection.readByGuard(Path.of("target/classes"), getClass().getClassLoader());
        assertTrue(kept.containsAll(listed), "listed, not kept for reflection: "
                + listed.stream().filter(name -> !kept.contains(name)).toList());
    }

    /** What the build does to the main classes, done to the test sources' own: their resources are found too. */
    @Test
    void aResourceIsKeptBecauseItIsCompiled() throws IOException {
        Set<String> kept = NativeReflection.readByGuard(Path.of("target/test-classes"),
                NativeReflectionTest.class.getClassLoader());
        for (Class<?> resource : new Class<?>[]{LibraryViewSets.Loans.class, LoanBoard.class, InvoiceViewSet.class}) {
            assertTrue(kept.contains(resource.getName()), resource + " not in " + kept);
        }
        assertTrue(kept.stream().noneMatch(name -> name.endsWith("Test")), kept.toString());
        assertEquals(Set.of(), kept.stream().filter(name -> name.contains("library.Book")
                || name.contains("library.Loan$")).collect(Collectors.toSet()), "entities are not read by the guard");
    }

    private static JsonNode config() throws IOException {
        try (InputStream in = NativeReflectionTest.class.getClassLoader().getResourceAsStream(CONFIG)) {
            assertNotNull(in, CONFIG + " was not written by the build");
            JsonNode entries = new ObjectMapper().readTree(in);
            assertTrue(entries.isArray() && entries.size() > 20, entries.toString());
            return entries;
        }
    }
}
