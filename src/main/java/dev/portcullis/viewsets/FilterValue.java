package dev.portcullis.viewsets;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How a filter reads its query parameter, as the django-filter filter for the attribute's type reads it (the form
 * field behind it, with its messages): the value for the query, {@link #SKIP} for a value that filters nothing, or
 * {@link Field.Invalid}.
 */
@FunctionalInterface
interface FilterValue {

    /** A value that filters nothing (an empty parameter; a boolean that is none of the known spellings). */
    Object SKIP = new Object();

    Object read(String text) throws Field.Invalid;

    String NUMBER = "Enter a number.";
    String DATE_TIME = "Enter a valid date/time.";
    String DATE = "Enter a valid date.";
    String RELATION = "Select a valid choice. That choice is not one of the available choices.";
    String NULL_CHARACTERS = "Null characters are not allowed.";

    /** {@code BooleanWidget}: {@code true}, {@code false}, {@code 1}, {@code 0} in any case; anything else is no filter. */
    FilterValue BOOLEAN = text -> {
        Boolean value = Map.of("true", true, "1", true, "false", false, "0", false).get(text.toLowerCase(Locale.ROOT));
        return value == null ? SKIP : value;
    };

    /** The reader for an attribute of this type ({@code choices} when the serializer shows it as a choice). */
    static FilterValue of(Class<?> type, boolean relation, List<String> choices) {
        if (relation) {
            return stripped(text -> number(text, type, RELATION));
        }
        if (choices != null) {
            return stripped(text -> {
                if (!choices.contains(text)) {
                    throw new Field.Invalid("Select a valid choice. " + text + " is not one of the available choices.");
                }
                return text;
            });
        }
        if (type == String.class) {
            return stripped(text -> {
                if (text.indexOf('\0') >= 0) {
                    throw new Field.Invalid(NULL_CHARACTERS);
                }
                return text;
            });
        }
        if (type == Boolean.class || type == boolean.class) {
            return BOOLEAN;
        }
        if (type == OffsetDateTime.class) {
            return stripped(text -> DateTimeField.parse(text).orElseThrow(() -> new Field.Invalid(DATE_TIME)));
        }
        if (type == LocalDate.class) {
            return stripped(text -> DateField.parse(text).orElseThrow(() -> new Field.Invalid(DATE)));
        }
        if (type == Long.class || type == long.class || type == Integer.class || type == int.class
                || type == BigDecimal.class) {
            return stripped(text -> number(text, type, NUMBER));
        }
        throw new IllegalStateException("no filter reads a " + type.getSimpleName());
    }

    /** A form field's cleaning: whitespace stripped, and an empty value filters nothing. */
    private static FilterValue stripped(FilterValue reader) {
        return text -> {
            String value = PythonText.strip(text);
            return value.isEmpty() ? SKIP : reader.read(value);
        };
    }

    /**
     * A {@code DecimalField}'s number, converted as Django converts it for the column: truncated for an integer
     * column ({@code int(Decimal("2.5"))} is 2), and held to the column's range.
     */
    private static Object number(String text, Class<?> type, String message) throws Field.Invalid {
        BigDecimal value;
        try {
            value = new BigDecimal(text.length() > 100 ? "x" : text);
        } catch (NumberFormatException e) {
            throw new Field.Invalid(message);
        }
        if (type == BigDecimal.class) {
            return value;
        }
        if (value.abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0 || value.scale() < -20) {
            value = BigDecimal.valueOf(value.signum() > 0 ? Long.MAX_VALUE : Long.MIN_VALUE);
        }
        BigInteger whole = value.toBigInteger();
        if (type == Integer.class || type == int.class) {
            return whole.max(BigInteger.valueOf(Integer.MIN_VALUE)).min(BigInteger.valueOf(Integer.MAX_VALUE)).intValue();
        }
        return whole.longValue();
    }
}
