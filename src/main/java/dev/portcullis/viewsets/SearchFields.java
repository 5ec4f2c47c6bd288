package dev.portcullis.viewsets;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * DRF's {@code SearchFilter} with its {@code search_fields}: {@code ?search=} splits into terms on whitespace and
 * commas, and every term must be found in at least one of the fields (case-insensitive; {@code %} and {@code _}
 * are plain characters). A field may be prefixed as in DRF: {@code ^} starts with, {@code =} is exactly
 * (case-insensitive). Fields are entity attributes, {@code owner__username} through a relation.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface SearchFields {

    String[] value();
}
