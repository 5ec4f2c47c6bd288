package dev.portcullis.security.guard;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.util.List;

/** DRF's {@code SimpleMetadata} answer to OPTIONS: the view's name, and what it renders and parses. */
@RegisterForReflection
public record Metadata(String name, String description, List<String> renders, List<String> parses) {

    static Metadata of(Class<?> resourceClass) {
        return new Metadata(viewName(resourceClass), "", List.of("application/json"),
                List.of("application/json", "application/x-www-form-urlencoded"));
    }

    /** DRF's {@code get_view_name}: the class name without its suffix, camel case split into words. */
    static String viewName(Class<?> resourceClass) {
        String name = resourceClass.getSimpleName().replaceAll("(Resource|ViewSet|View)$", "");
        return name.replaceAll("([a-z0-9])([A-Z])", "$1 $2");
    }
}
