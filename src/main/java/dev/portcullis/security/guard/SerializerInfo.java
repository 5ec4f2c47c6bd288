package dev.portcullis.security.guard;

import java.util.Map;

/**
 * Implemented by a resource that reads and writes its objects through a serializer (DRF's {@code GenericAPIView}), so
 * that OPTIONS can describe the fields a {@code POST} or {@code PUT} takes, as DRF's {@code SimpleMetadata} does.
 */
public interface SerializerInfo {

    /**
     * DRF's {@code get_serializer_info}: for each field in the order the API shows them, its {@code type},
     * {@code required}, {@code read_only}, {@code label} and what bounds it (lengths, values, choices).
     */
    Map<String, Object> serializerInfo();
}
