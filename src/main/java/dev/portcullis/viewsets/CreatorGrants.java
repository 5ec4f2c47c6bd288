package dev.portcullis.viewsets;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Object permissions the creator of an object is granted on it (django-guardian's {@code assign_perm} in
 * {@code perform_create}): {@code @CreatorGrants({"view", "change", "delete"})} on a viewset of
 * {@code @Model("document")} grants {@code view_document}, {@code change_document} and {@code delete_document}.
 * Whatever the declaration, a viewset with a model revokes every grant on an object it destroys, so that no grant
 * outlives its object.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface CreatorGrants {

    /** Django's permission actions: {@code view}, {@code change}, {@code delete}. */
    String[] value();
}
