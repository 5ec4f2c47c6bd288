package dev.portcullis.security.guard;

import java.util.Map;

/**
 * Implemented by a resource whose endpoints read their bodies through a serializer (DRF's {@code GenericAPIView}), so
 * that OPTIONS can describe the fields a {@code POST} or {@code PUT} takes, as DRF's {@code SimpleMetadata} does.
 */
public interface SerializerInfo {

    /**
     * DRF's {@code get_serializer_info} for the view of a route: for each field in the order the API shows them, its
     * {@code type}, {@code required}, {@code read_only}, {@code label} and what bounds it (lengths, values, choices);
     * {@code null} for a route whose view has no serializer.
     *
     * @param template the route's path template ({@code /api/jwt/create/}): a viewset has one serializer for all
     */
    Map<String, Object> serializerInfo(String template);

    /**
     * The body the browsable page's form offers for a new object (DRF's raw data form): each writable field with its
     * initial value; {@code null} where the view offers none.
     */
    default Map<String, Object> initialData(String template) {
        return null;
    }
}
