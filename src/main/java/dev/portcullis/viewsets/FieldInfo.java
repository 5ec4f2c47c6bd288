package dev.portcullis.viewsets;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * DRF's {@code SimpleMetadata.get_serializer_info}, what OPTIONS says of each field a {@code POST} or {@code PUT}
 * takes: its {@code type}, whether {@code required} and {@code read_only}, its {@code label}, and what each kind of
 * field adds ({@link Field#describe}: lengths, bounds, choices, a nested object's fields).
 */
final class FieldInfo {

    /** DRF's {@code label_lookup} by the Java type a field converts to; any other is DRF's plain {@code field}. */
    private static final Map<Class<?>, String> TYPES = Map.ofEntries(
            Map.entry(String.class, "string"), Map.entry(UUID.class, "string"),
            Map.entry(Long.class, "integer"), Map.entry(long.class, "integer"),
            Map.entry(Integer.class, "integer"), Map.entry(int.class, "integer"),
            Map.entry(Boolean.class, "boolean"), Map.entry(boolean.class, "boolean"),
            Map.entry(BigDecimal.class, "decimal"), Map.entry(LocalDate.class, "date"),
            Map.entry(OffsetDateTime.class, "datetime"), Map.entry(LocalTime.class, "time"));

    private FieldInfo() {
    }

    static Map<String, Object> of(ModelSerializer<?> serializer) {
        return Fields.describe(serializer.fields().toArray(Field<?>[]::new));
    }

    static Map<String, Object> of(Field<?> field) {
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("type", field.metadataType());
        info.put("required", field.isRequired() && !field.isReadOnly());
        info.put("read_only", field.isReadOnly());
        info.put("label", label(field));
        putIfSet(info, "help_text", field.helpText());
        field.describe(info);
        return info;
    }

    static void putIfSet(Map<String, Object> info, String key, Object value) {
        if (value != null) {
            info.put(key, value);
        }
    }

    /** A choice as DRF lists it, its value its display name. */
    static Map<String, Object> choice(String value) {
        Map<String, Object> choice = new LinkedHashMap<>();
        choice.put("value", value);
        choice.put("display_name", value);
        return choice;
    }

    static String typeOf(Class<?> javaType) {
        return TYPES.getOrDefault(javaType, "field");
    }

    /**
     * The field's declared label, else the one DRF gives a model's field, its verbose name with a capital:
     * {@code created_at} is {@code Created at}; an automatic primary key's is {@code ID}.
     */
    private static String label(Field<?> field) {
        if (field.label() != null) {
            return field.label();
        }
        if (field.name().equals("id") && field.source().equals("id")) {
            return "ID";
        }
        String words = field.name().replace('_', ' ');
        return words.isEmpty() ? words : words.substring(0, 1).toUpperCase(java.util.Locale.ROOT) + words.substring(1);
    }
}
