package dev.portcullis.viewsets;

import dev.portcullis.security.core.ValidationError;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * DRF's {@code validate_<field>} hooks, found on a viewset at start-up: a method {@code validateDueDate(value)} runs
 * for the field {@code due_date} when a request sets it, after the field's own checks, and returns the value to
 * keep (or nothing, to keep it as it is). A {@code validateX} method that names no writable field stops start-up —
 * in DRF a misspelt hook is silently never called.
 */
final class ValidationHooks {

    static final ValidationHooks NONE = new ValidationHooks(Map.of());

    private final Map<Field<?>, MethodHandle> hooks;

    private ValidationHooks(Map<Field<?>, MethodHandle> hooks) {
        this.hooks = hooks;
    }

    static ValidationHooks declaredOn(Class<?> viewSet, ModelSerializer<?> serializer) {
        Map<Field<?>, MethodHandle> hooks = new LinkedHashMap<>();
        for (Class<?> type = viewSet; type != ModelViewSet.class && type != Object.class; type = type.getSuperclass()) {
            for (Method method : type.getDeclaredMethods()) {
                if (!isHook(method)) {
                    continue;
                }
                Field<?> field = fieldOf(method, serializer);
                method.setAccessible(true);
                try {
                    hooks.putIfAbsent(field, MethodHandles.lookup().unreflect(method));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(method.getName() + " cannot be called: " + e.getMessage(), e);
                }
            }
        }
        return hooks.isEmpty() ? NONE : new ValidationHooks(hooks);
    }

    private static boolean isHook(Method method) {
        String name = method.getName();
        return name.length() > "validate".length() && name.startsWith("validate")
                && Character.isUpperCase(name.charAt("validate".length())) && !Modifier.isStatic(method.getModifiers())
                && !method.isSynthetic() && !method.isBridge();
    }

    private static Field<?> fieldOf(Method method, ModelSerializer<?> serializer) {
        String named = method.getName().substring("validate".length());
        List<String> writable = new ArrayList<>();
        for (Field<?> field : serializer.fields()) {
            if (field.isReadOnly()) {
                continue;
            }
            writable.add(field.name());
            String camel = Field.camelCase(field.name());
            if (named.equals(Character.toUpperCase(camel.charAt(0)) + camel.substring(1))) {
                if (method.getParameterCount() != 1 || !takes(method.getParameterTypes()[0], field)) {
                    throw new IllegalStateException(method.getName() + " must take the one value of '" + field.name()
                            + "', a " + field.javaTypes().get(0).getSimpleName() + " (DRF's validate_" + field.name()
                            + "(self, value))");
                }
                return field;
            }
        }
        throw new IllegalStateException(method.getName() + " names no writable field of the "
                + serializer.model().getSimpleName() + " serializer " + writable + ": a validateX method is the hook of "
                + "field x (rename it, or make it static if it is a helper)");
    }

    private static boolean takes(Class<?> parameter, Field<?> field) {
        return field.javaTypes().stream().anyMatch(parameter::isAssignableFrom);
    }

    boolean isEmpty() {
        return hooks.isEmpty();
    }

    /**
     * Runs the field's hook, if it has one, on its value in {@code values}, replacing it with the hook's answer; a
     * hook's {@link ValidationError} is the field's error.
     */
    void run(Object viewSet, Field<?> field, Map<Field<?>, Object> values) throws Field.Invalid {
        MethodHandle hook = hooks.get(field);
        if (hook == null) {
            return;
        }
        try {
            Object kept = hook.invoke(viewSet, values.get(field));
            if (hook.type().returnType() != void.class) {
                values.put(field, kept);
            }
        } catch (ValidationError invalid) {
            List<String> messages = new ArrayList<>();
            invalid.errors().values().forEach(messages::addAll);
            throw new Field.Invalid(messages);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }
}
