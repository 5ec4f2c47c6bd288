package dev.portcullis.viewsets;

import dev.portcullis.accounts.Grants;
import dev.portcullis.security.guard.Model;
import jakarta.inject.Singleton;

import java.util.List;

/** The object grants that come and go with objects a viewset creates and destroys ({@link CreatorGrants}). */
@Singleton
public class ObjectGrants {

    private static final List<String> ACTIONS = List.of("view", "change", "delete");

    private final Grants grants;

    public ObjectGrants(Grants grants) {
        this.grants = grants;
    }

    /** Start-up: the declaration names Django's object actions, on a viewset that has a model. */
    static void check(Class<?> viewSet) {
        CreatorGrants declared = viewSet.getAnnotation(CreatorGrants.class);
        if (declared == null) {
            return;
        }
        if (!viewSet.isAnnotationPresent(Model.class)) {
            throw new IllegalStateException("@CreatorGrants needs the model the viewset serves: annotate it with @Model");
        }
        for (String action : declared.value()) {
            if (!ACTIONS.contains(action)) {
                throw new IllegalStateException("@CreatorGrants: '" + action + "' is not one of " + ACTIONS);
            }
        }
    }

    void created(Class<?> viewSet, Object id, Long creator) {
        CreatorGrants declared = viewSet.getAnnotation(CreatorGrants.class);
        if (declared != null && creator != null) {
            String model = viewSet.getAnnotation(Model.class).value();
            for (String action : declared.value()) {
                grants.grant(Grants.Grantee.user(creator), new Grants.Grant(action + "_" + model, model,
                        ((Number) id).longValue()));
            }
        }
    }

    void destroyed(Class<?> viewSet, Object id) {
        Model model = viewSet.getAnnotation(Model.class);
        if (model != null) {
            grants.revokeAllOn(model.value(), ((Number) id).longValue());
        }
    }
}
