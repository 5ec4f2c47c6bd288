package dev.portcullis.viewsets;

import dev.portcullis.security.core.Causes;
import dev.portcullis.security.core.ValidationError;
import org.jboss.logging.Logger;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A write the database refused for one of its constraints, answered as DRF's 400 — the words of the validator DRF
 * would have run — instead of a 500: a unique column is {@code UniqueValidator}'s
 * {@code "book with this isbn already exists."}, several are {@code UniqueTogetherValidator}'s
 * {@code "The fields a, b must make a unique set."}, a missing related object is {@code PrimaryKeyRelatedField}'s
 * {@code "Invalid pk \"7\" - object does not exist."}. The transaction is rolled back with it.
 */
final class ConstraintErrors {

    private static final Logger LOG = Logger.getLogger(ConstraintErrors.class);
    /** PostgreSQL's detail of a unique or foreign-key violation: {@code Key (a, b)=(1, 2) already exists.} */
    private static final Pattern KEY = Pattern.compile("Key \\((.+?)\\)=\\((.*)\\) (is not present|already exists|is "
            + "still referenced).*", Pattern.DOTALL);

    private ConstraintErrors() {
    }

    /** The answer for a constraint violation somewhere in {@code error}'s causes, if it is one. */
    static Optional<ValidationError> of(Throwable error, ModelSerializer<?> serializer) {
        return Causes.find(error, PSQLException.class, refused -> refused.getSQLState() != null
                && refused.getSQLState().startsWith("23") && refused.getServerErrorMessage() != null).map(refused -> {
            ServerErrorMessage message = refused.getServerErrorMessage();
            LOG.warnf("%s: constraint %s refused the write (SQLSTATE %s), answered 400",
                    serializer.model().getSimpleName(), message.getConstraint(), refused.getSQLState());
            return new ValidationError(errors(refused.getSQLState(), message, serializer));
        });
    }

    /** PostgreSQL's words for text longer than its column: {@code value too long for type character varying(50)}. */
    private static final Pattern TOO_LONG = Pattern.compile("value too long for type character varying\\((\\d+)\\)");

    /**
     * A text value longer than its column (SQLSTATE 22001, which names no column), answered as DRF's
     * {@code max_length} would have: each written text field longer than the column's length gets
     * {@code "Ensure this field has no more than 50 characters."}.
     */
    static Optional<ValidationError> tooLong(Throwable error, Map<Field<?>, Object> written) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            Matcher length = cause instanceof PSQLException refused && "22001".equals(refused.getSQLState())
                    ? TOO_LONG.matcher(String.valueOf(refused.getMessage())) : null;
            if (length != null && length.find()) {
                int most = Integer.parseInt(length.group(1));
                String message = "Ensure this field has no more than " + most + " characters.";
                Map<String, List<String>> errors = new LinkedHashMap<>();
                written.forEach((field, value) -> {
                    if (value instanceof String text && text.codePointCount(0, text.length()) > most) {
                        errors.put(field.name(), List.of(message));
                    }
                });
                LOG.warnf("a text value is longer than its column's %d characters, answered 400: declare the field's "
                        + "maxLength to check it before the database does", most);
                return Optional.of(new ValidationError(errors.isEmpty() ? nonField(message) : errors));
            }
        }
        return Optional.empty();
    }

    private static Map<String, List<String>> errors(String state, ServerErrorMessage message,
                                                    ModelSerializer<?> serializer) {
        Matcher key = message.getDetail() == null ? null : KEY.matcher(message.getDetail());
        List<String> columns = key != null && key.matches() ? List.of(key.group(1).split(", ")) : List.of();
        List<String> fields = new ArrayList<>();
        for (String column : columns) {
            fields.add(fieldOf(column, serializer));
        }
        String model = verboseName(serializer.model().getSimpleName());
        switch (state) {
            case "23505" -> {
                if (fields.size() == 1) {
                    return Map.of(fields.get(0), List.of(alreadyExists(serializer.model(), fields.get(0))));
                }
                // Columns PostgreSQL did not name (a unique index on an expression) leave no fields to list.
                return nonField(fields.isEmpty() ? "A " + model + " with these values already exists."
                        : "The fields " + String.join(", ", fields) + " must make a unique set.");
            }
            case "23503" -> {
                if (key != null && key.matches() && key.group(3).equals("is not present") && fields.size() == 1) {
                    return Map.of(fields.get(0), List.of("Invalid pk \"" + key.group(2) + "\" - object does not exist."));
                }
                return nonField("This " + model + " cannot be deleted: other objects refer to it.");
            }
            case "23502" -> {
                return Map.of(message.getColumn() == null ? ValidationError.NON_FIELD_ERRORS
                        : fieldOf(message.getColumn(), serializer), List.of("This field may not be null."));
            }
            default -> {
                return nonField("The " + model + " breaks the rule " + message.getConstraint() + ".");
            }
        }
    }

    private static Map<String, List<String>> nonField(String message) {
        return Map.of(ValidationError.NON_FIELD_ERRORS, List.of(message));
    }

    /** The serializer field written to a column ({@code project_id} is the relation {@code project}), else the column. */
    private static String fieldOf(String column, ModelSerializer<?> serializer) {
        String attribute = Field.camelCase(column);
        String relation = column.endsWith("_id") ? Field.camelCase(column.substring(0, column.length() - 3)) : null;
        for (Field<?> field : serializer.fields()) {
            String source = field.source().split("\\.")[0];
            if (source.equals(attribute) || source.equals(relation)) {
                return field.name();
            }
        }
        return column;
    }

    /** Django's {@code unique} message, as DRF's {@code UniqueValidator} says it: "book with this isbn already exists." */
    static String alreadyExists(Class<?> model, String field) {
        return verboseName(model.getSimpleName()) + " with this " + field.replace('_', ' ') + " already exists.";
    }

    /** Django's default {@code verbose_name}: {@code BookCopy} is "book copy". */
    static String verboseName(String className) {
        return className.replaceAll("(?<=[a-z0-9])([A-Z])", " $1").toLowerCase(Locale.ROOT);
    }
}
