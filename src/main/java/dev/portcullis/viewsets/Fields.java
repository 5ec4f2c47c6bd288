package dev.portcullis.viewsets;

import dev.portcullis.web.DjangoValidators;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The serializer fields, named as DRF's; import statically to declare a {@link ModelSerializer}. */
public final class Fields {

    private Fields() {
    }

    /**
     * What OPTIONS says of the fields of a hand-written endpoint's body (DRF's {@code get_serializer_info} of its
     * serializer): each field's type, flags, label and bounds, in this order.
     */
    public static Map<String, Object> describe(Field<?>... fields) {
        Map<String, Object> described = new LinkedHashMap<>();
        for (Field<?> field : fields) {
            described.put(field.name(), FieldInfo.of(field));
        }
        return described;
    }

    public static CharField chars(String name) {
        return new CharField(name);
    }

    /** DRF's {@code EmailField}: Django's {@code EmailValidator}. */
    public static CharField email(String name) {
        return new CharField(name).must(DjangoValidators::isEmail, "Enter a valid email address.").format("email");
    }

    /** DRF's {@code URLField}: Django's {@code URLValidator} (http, https, ftp, ftps). */
    public static CharField url(String name) {
        return new CharField(name).must(DjangoValidators::isUrl, "Enter a valid URL.").format("uri");
    }

    public static TimeField time(String name) {
        return new TimeField(name);
    }

    public static UuidField uuid(String name) {
        return new UuidField(name);
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

    /**
     * DRF's nested serializer, read-only: a relation to one {@code target}, shown as the viewset that shows it does,
     * when the caller could retrieve it there ({@code null} otherwise).
     */
    public static NestedField nested(String name, Class<?> target) {
        return new NestedField(name, target);
    }

    public static ReadOnlyField readOnly(String name) {
        return new ReadOnlyField(name);
    }
}
