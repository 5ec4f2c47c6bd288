package dev.portcullis.domain;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongPredicate;

/**
 * The models permissions can be granted on, and their permission codenames ({@code add_}, {@code change_},
 * {@code delete_}, {@code view_} + model, as Django creates for every model).
 */
public final class Models {

    private static final Map<String, LongPredicate> EXISTS = new LinkedHashMap<>();

    static {
        EXISTS.put(Note.MODEL, id -> Note.count("id", id) > 0);
        EXISTS.put(Document.MODEL, id -> Document.count("id", id) > 0);
    }

    public static final List<String> ACTIONS = List.of("add", "change", "delete", "view");

    private Models() {
    }

    public static Set<String> names() {
        return EXISTS.keySet();
    }

    /** The model a codename is a permission of, e.g. {@code note} for {@code add_note}, or {@code null}. */
    public static String modelOf(String codename) {
        int separator = codename.indexOf('_');
        if (separator < 0 || !ACTIONS.contains(codename.substring(0, separator))) {
            return null;
        }
        String model = codename.substring(separator + 1);
        return EXISTS.containsKey(model) ? model : null;
    }

    public static boolean exists(String model, long id) {
        return EXISTS.get(model).test(id);
    }
}
