package dev.portcullis.viewsets;

import java.util.List;
import java.util.regex.Pattern;

/** The serializer fields, named as DRF's; import statically to declare a {@link ModelSerializer}. */
public final class Fields {

    /** Django's {@code EmailValidator}, as a pattern: a user part, an {@code @}, a domain with a dot. */
    private static final Pattern EMAIL = Pattern.compile(
            "[-!#$%&'*+/=?^_`{}|~0-9A-Za-z]+(\\.[-!#$%&'*+/=?^_`{}|~0-9A-Za-z]+)*@([A-Za-z0-9]([A-Za-z0-9-]{0,61}"
                    + "[A-Za-z0-9])?\\.)+[A-Za-z0-9-]{2,63}");

    private Fields() {
    }

    public static CharField chars(String name) {
        return new CharField(name);
    }

    public static CharField email(String name) {
        return new CharField(name).must(value -> EMAIL.matcher(value).matches(), "Enter a valid email address.");
    }

    public static IntegerField integer(String name) {
        return new IntegerField(name);
    }

    public static DecimalField decimal(String name, int maxDigits, int decimalPlaces) {
        return new DecimalField(name, maxDigits, decimalPlaces);
    }

    public static BooleanField bool(String name) {
        return new BooleanField(name);
    }

    public static DateTimeField dateTime(String name) {
        return new DateTimeField(name);
    }

    public static DateField date(String name) {
        return new DateField(name);
    }

    public static ChoiceField choice(String name, String... choices) {
        return new ChoiceField(name, List.of(choices));
    }

    /** The relation to the user who creates the object, shown by username (DRF's {@code CurrentUserDefault}). */
    public static CurrentUserField currentUser(String name) {
        return new CurrentUserField(name);
    }

    /**
     * DRF's {@code PrimaryKeyRelatedField}: a relation to one {@code target}, shown and written as its id, resolved
     * among the objects the caller could retrieve.
     */
    public static RelatedField related(String name, Class<?> target) {
        return new RelatedField(name, target, null);
    }

    /** DRF's {@code SlugRelatedField}: the same, shown and written as the related object's {@code slugField}. */
    public static RelatedField slug(String name, Class<?> target, String slugField) {
        return new RelatedField(name, target, slugField);
    }

    public static ReadOnlyField readOnly(String name) {
        return new ReadOnlyField(name);
    }
}
