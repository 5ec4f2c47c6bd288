package dev.portcullis.viewsets;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Optional;

/**
 * Django's lookups, as PostgreSQL runs them ({@code iexact} is {@code UPPER(a) = UPPER(b)}, {@code icontains}
 * {@code UPPER(a) LIKE UPPER('%b%')}: {@link LookupFunctions}), each as a JPQL condition on an attribute and one
 * parameter.
 */
enum Lookup {
    EXACT("%s = :%s"),
    IEXACT(LookupFunctions.IEXACT + "(:%2$s, %1$s)"),
    CONTAINS("%s like :%s escape '!'"),
    ICONTAINS(LookupFunctions.ILIKE + "(:%2$s, %1$s)"),
    STARTSWITH("%s like :%s escape '!'"),
    ISTARTSWITH(LookupFunctions.ILIKE + "(:%2$s, %1$s)"),
    ENDSWITH("%s like :%s escape '!'"),
    IENDSWITH(LookupFunctions.ILIKE + "(:%2$s, %1$s)"),
    GT("%s > :%s"),
    GTE("%s >= :%s"),
    LT("%s < :%s"),
    LTE("%s <= :%s"),
    IN("%s in (:%s)"),
    ISNULL("%s is null");

    private final String template;

    Lookup(String template) {
        this.template = template;
    }

    /** The lookup a name ends with ({@code due__gte}), if it ends with one. */
    static Optional<Lookup> suffixOf(String name) {
        int split = name.lastIndexOf("__");
        if (split < 0) {
            return Optional.empty();
        }
        return named(name.substring(split + 2));
    }

    static Optional<Lookup> named(String name) {
        for (Lookup lookup : values()) {
            if (lookup.djangoName().equals(name)) {
                return Optional.of(lookup);
            }
        }
        return Optional.empty();
    }

    String djangoName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The condition on {@code expression}; {@code isnull} takes its boolean here, the others a parameter. */
    String condition(String expression, String parameter, Object value) {
        if (this == ISNULL) {
            return expression + (Boolean.TRUE.equals(value) ? " is null" : " is not null");
        }
        return String.format(template, expression, parameter);
    }

    /** The value a {@code like} lookup compares with: the text, {@code %} and {@code _} matched as themselves. */
    Object pattern(Object value) {
        if (!isLike()) {
            return value;
        }
        String escaped = value.toString().replace("!", "!!").replace("%", "!%").replace("_", "!_");
        return switch (this) {
            case STARTSWITH, ISTARTSWITH -> escaped + "%";
            case ENDSWITH, IENDSWITH -> "%" + escaped;
            default -> "%" + escaped + "%";
        };
    }

    boolean isLike() {
        return this == CONTAINS || this == ICONTAINS || this == STARTSWITH || this == ISTARTSWITH
                || this == ENDSWITH || this == IENDSWITH;
    }

    /** Whether the lookup applies to an attribute of this type (the text lookups to text, order to ordered values). */
    boolean appliesTo(Class<?> type, boolean relation) {
        return switch (this) {
            case EXACT, IN, ISNULL -> !(this == IN && (type == Boolean.class || type == boolean.class));
            case IEXACT -> type == String.class && !relation;
            case GT, GTE, LT, LTE -> !relation && (type == String.class || type == BigDecimal.class
                    || type == Long.class || type == long.class || type == Integer.class || type == int.class
                    || type == OffsetDateTime.class || type == LocalDate.class);
            default -> type == String.class && !relation;
        };
    }
}
