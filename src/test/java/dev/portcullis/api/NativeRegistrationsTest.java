package dev.portcullis.api;

import dev.portcullis.security.guard.PolicyRegistry;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every resource the guard resolves at start-up, and every application class it inherits resource methods from, is
 * registered for reflection, so native builds keep it.
 */
@QuarkusTest
class NativeRegistrationsTest {

    @Inject
    PolicyRegistry registry;

    @Test
    void everyResourceIsRegistered() {
        Set<Class<?>> registered = Set.of(NativeRegistrations.class.getAnnotation(RegisterForReflection.class).targets());
        // The examples live in the test sources, outside the artifact a native build compiles.
        // A resource and every class of the application it inherits resource methods from (a viewset's bases).
        Set<String> missing = registry.routes().stream().map(PolicyRegistry.Route::resourceClass)
                .filter(type -> !type.getPackageName().startsWith("dev.portcullis.examples"))
                .flatMap(type -> java.util.stream.Stream.<Class<?>>iterate(type,
                        t -> t != null && t.getName().startsWith("dev.portcullis."), Class::getSuperclass))
                .filter(type -> !registered.contains(type)).map(Class::getName).collect(Collectors.toSet());
        assertTrue(missing.isEmpty(), "add to NativeRegistrations: " + missing);
    }
}
