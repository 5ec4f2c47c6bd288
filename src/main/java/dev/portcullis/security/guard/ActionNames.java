package dev.portcullis.security.guard;

import jakarta.ws.rs.Path;

import java.lang.reflect.Method;
import java.util.Locale;
import java.util.Map;

/** DRF's action names for resource methods (see {@link ViewSet}). */
final class ActionNames {

    /** DRF's {@code OPTIONS} action. */
    static final String METADATA = "metadata";

    private static final Map<String, String> ON_COLLECTION = Map.of("GET", "list", "POST", "create");
    private static final Map<String, String> ON_DETAIL = Map.of(
            "GET", "retrieve", "PUT", "update", "PATCH", "partial_update", "DELETE", "destroy");

    private ActionNames() {
    }

    static String of(Class<?> resourceClass, Method method, String httpMethod) {
        Action declared = method.getAnnotation(Action.class);
        if (declared != null) {
            return declared.value();
        }
        if (!resourceClass.isAnnotationPresent(ViewSet.class)) {
            return httpMethod.toLowerCase(Locale.ROOT);
        }
        Path path = method.getAnnotation(Path.class);
        boolean onCollection = path == null || path.value().replace("/", "").isEmpty();
        String standard = onCollection ? ON_COLLECTION.get(httpMethod)
                : PathTemplate.isSingleParameter(path) ? ON_DETAIL.get(httpMethod) : null;
        return standard != null ? standard : method.getName();
    }
}
