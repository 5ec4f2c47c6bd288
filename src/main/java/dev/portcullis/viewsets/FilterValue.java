package dev.portcullis.viewsets;

import dev.portcullis.web.PythonText;
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
            return stripped(text -> id(text, type));
        }
        if (choices != null) {
            return nonEmpty(text -> {  // a ChoiceField compares the value as it came: " sent" is no choice
                if (!choices.contains(text)) {
                    throw new Field.Invalid("Select a valid choice. " + text + " is not one of the available choices.");
                }
                return text;
            });
        }
        if (type == String.class) {
            return text -> {  // a CharField strips before it looks for emptiness: whitespace alone filters nothing
                String value = PythonText.strip(text);
                if (value.indexOf('\0') >= 0) {
                    throw new Field.Invalid(NULL_CHARACTERS);
                }
                return value.isEmpty() ? SKIP : value;
            };
        }
        if (type == Boolean.class || type == boolean.class) {
            return BOOLEAN;
        }
        if (type == OffsetDateTime.class) {
            return stripped(text -> DateTimeField.parse(text).orElseThrow(() -> new Field.Invalid(DATE_TIME)));
        }
        if (type == LocalDate.class) {
            return stripped(text -> DateInput.parse(text).orElseThrow(() -> new Field.Invalid(DATE)));
        }
        if (type == Long.class || type == long.class || type == Integer.class || type == int.class
                || type == BigDecimal.class) {
            return stripped(text -> number(text, type));
        }
        throw new IllegalStateException("no filter reads a " + type.getSimpleName());
    }

    /** An empty parameter filters nothing (a form field's empty value); any other is read. */
    private static FilterValue nonEmpty(FilterValue reader) {
        return text -> text.isEmpty() ? SKIP : reader.read(text);
    }

    /**
     * A form field's cleaning: an empty parameter filters nothing, any other is read without its surrounding
     * whitespace — so one of whitespace alone is no number, date or id (Django: 400).
     */
    private static FilterValue stripped(FilterValue reader) {
        return nonEmpty(text -> reader.read(PythonText.strip(text)));
    }

    /**
     * A related object's id, as {@code ModelChoiceField} looks it up: Python's {@code int()} of the text ({@code 2.0}
     * is no id), held to the column's range — an id beyond it matches nothing.
     */
    private static Object id(String text, Class<?> type) throws Field.Invalid {
        return inColumn(PythonText.parseInt(text).orElseThrow(() -> new Field.Invalid(RELATION)), type);
    }

    /**
     * A {@code DecimalField}'s number, converted as Django converts it for the column: truncated for an integer
     * column ({@code int(Decimal("2.5"))} is 2), and held to the column's range.
     */
    private static Object number(String text, Class<?> type) throws Field.Invalid {
        BigDecimal value;
        try {
            value = new BigDecimal(text.length() > 100 ? "x" : text);
        } catch (NumberFormatException e) {
            throw new Field.Invalid(NUMBER);
        }
        if (type == BigDecimal.class) {
            return value;
        }
        if (value.abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0 || value.scale() < -20) {
            value = BigDecimal.valueOf(value.signum() > 0 ? Long.MAX_VALUE : Long.MIN_VALUE);
        }
        return inColumn(value.toBigInteger(), type);
    }

    /** A whole number held to the column's range: a value beyond it matches nothing, as it matches no row. */
    private static Object inColumn(BigInteger whole, Class<?> type) {
        BigInteger held = whole.max(BigInteger.valueOf(Long.MIN_VALUE)).min(BigInteger.valueOf(Long.MAX_VALUE));
        if (type == Integer.class || type == int.class) {
            return held.max(BigInteger.valueOf(Integer.MIN_VALUE)).min(BigInteger.valueOf(Integer.MAX_VALUE)).intValue();
        }
        return held.longValue();
    }
}
