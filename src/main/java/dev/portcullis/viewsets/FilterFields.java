package dev.portcullis.viewsets;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * django-filter's {@code filterset_fields} on a viewset: each name is a query parameter and what it filters,
 * {@code field} or {@code field__lookup} ({@code published}, {@code status__in}, {@code due__gte},
 * {@code project__owner__username}). The value is read as the entity attribute's type reads it: text, a number,
 * a boolean ({@code true}/{@code false}/{@code 1}/{@code 0}), an ISO 8601 date or date/time, one of a
 * {@link ChoiceField}'s choices, or a related object's id. Lookups: {@code exact} (the default), {@code iexact},
 * {@code contains}, {@code icontains}, {@code startswith}, {@code istartswith}, {@code endswith},
 * {@code iendswith}, {@code gt}, {@code gte}, {@code lt}, {@code lte}, {@code in} (comma-separated values) and
 * {@code isnull}. A filter narrows the viewset's queryset: it never shows an object the list would not.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface FilterFields {

    String[] value();
}
