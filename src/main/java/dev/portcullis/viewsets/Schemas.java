package dev.portcullis.viewsets;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** OpenAPI schemas of JSON values, as the fields write them. */
final class Schemas {

    private Schemas() {
    }

    static Schema of(Schema.SchemaType type) {
        return OASFactory.createSchema().type(List.of(type));
    }

    static Schema text(String format) {
        return of(Schema.SchemaType.STRING).format(format);
    }

    static Schema ref(String component) {
        return OASFactory.createSchema().ref("#/components/schemas/" + component);
    }

    /** A value of a Java type as the fields write one. */
    static Schema ofJavaType(Class<?> type) {
        if (type == Long.class || type == long.class) {
            return of(Schema.SchemaType.INTEGER).format("int64");
        }
        if (type == Integer.class || type == int.class) {
            return of(Schema.SchemaType.INTEGER).format("int32");
        }
        if (type == Boolean.class || type == boolean.class) {
            return of(Schema.SchemaType.BOOLEAN);
        }
        if (type == BigDecimal.class) {
            return text("decimal");
        }
        if (type == OffsetDateTime.class) {
            return text("date-time");
        }
        if (type == LocalDate.class) {
            return text("date");
        }
        if (type == LocalTime.class) {
            return text("time");
        }
        if (type == UUID.class) {
            return text("uuid");
        }
        return of(Schema.SchemaType.STRING);
    }
}
