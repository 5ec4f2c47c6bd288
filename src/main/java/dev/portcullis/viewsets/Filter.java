package dev.portcullis.viewsets;

import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A django-filter filter declared on a {@code FilterSet} under a name of its own:
 * {@code @Filter(name = "created_after", field = "created_at", lookup = "gte")} is
 * {@code created_after = IsoDateTimeFilter(field_name="created_at", lookup_expr="gte")}. The field and the
 * lookups are those of {@link FilterFields}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Repeatable(Filter.List.class)
public @interface Filter {

    /** The query parameter. */
    String name();

    /** The attribute it filters ({@code created_at}, or {@code owner__username} through a relation). */
    String field();

    String lookup() default "exact";

    /** The filters of one viewset. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.TYPE)
    @interface List {
        Filter[] value();
    }
}
