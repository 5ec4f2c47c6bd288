package dev.portcullis.security.guard;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.ws.rs.Path;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * DRF's {@code SimpleMetadata} answer to OPTIONS: the view's name, and what it renders (JSON, and the browsable
 * API's HTML) and parses (JSON, forms and multipart forms), as DRF's default renderers and parsers; and, where the
 * caller could send them, the fields a {@code POST} or {@code PUT} takes ({@link MetadataActions}).
 */
@RegisterForReflection
public record Metadata(String name, String description, List<String> renders, List<String> parses,
                       @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, Object> actions) {

    private static final List<String> RENDERS = List.of("application/json", "text/html");
    private static final List<String> PARSES = List.of("application/json", "application/x-www-form-urlencoded",
            "multipart/form-data");

    /** @param view the DRF view a hand-written endpoint declares it stands for, or {@code null} */
    static Metadata of(PolicyRegistry.Route route, View view, Map<String, Object> actions) {
        return new Metadata(nameOf(route, view), descriptionOf(view), RENDERS, PARSES, actions);
    }

    /** DRF's name of the view serving a route (OPTIONS's, the browsable page's heading). */
    public static String nameOf(PolicyRegistry.Route route, View view) {
        return view != null ? view.name() : viewName(route.resourceClass(), route.template());
    }

    /** DRF's description of the view (its docstring): the one {@link View} declares, else none. */
    public static String descriptionOf(View view) {
        return view != null ? view.description() : "";
    }

    /**
     * DRF's {@code get_view_name}: the class name without its suffix, camel case split into words; on a viewset,
     * with its route's suffix — {@code Post List}, {@code Post Instance} — or an extra action's own name
     * ({@code Publish}, DRF's {@code pretty_name} of the action).
     */
    static String viewName(Class<?> resourceClass, String template) {
        String name = resourceClass.getSimpleName().replaceAll("(Resource|ViewSet|View)$", "")
                .replaceAll("([a-z0-9])([A-Z])", "$1 $2");
        Path root = resourceClass.getAnnotation(Path.class);
        if (!resourceClass.isAnnotationPresent(ViewSet.class) || root == null) {
            return name;
        }
        String rest = template.substring(Math.min(template.length(), root.value().length()))
                .replaceAll("^/+|/+$", "");
        if (rest.isEmpty()) {
            return name + " List";
        }
        if (rest.matches("\\{[^/]+}")) {
            return name + " Instance";
        }
        String action = rest.substring(rest.lastIndexOf('/') + 1).replace('-', '_').replace('_', ' ');
        return action.isEmpty() ? name : action.substring(0, 1).toUpperCase(Locale.ROOT)
                + action.substring(1).toLowerCase(Locale.ROOT);
    }
}
