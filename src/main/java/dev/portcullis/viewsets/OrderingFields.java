package dev.portcullis.viewsets;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * DRF's {@code OrderingFilter} with its {@code ordering_fields} and {@code ordering}: {@code ?ordering=-due,title}
 * orders by the serializer fields named (a {@code -} for descending); a name not declared here is ignored, and
 * when none is left the default applies. Objects that tie are ordered by id, so pages never overlap.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface OrderingFields {

    /** The serializer fields a client may order by. */
    String[] value();

    /** DRF's {@code ordering}: without a valid {@code ?ordering=}, by id unless named here. */
    String[] byDefault() default {};
}
