package dev.portcullis.viewsets;

import dev.portcullis.domain.Post;
import dev.portcullis.security.core.Caller;
import dev.portcullis.security.core.QueryRestriction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Map;
import java.util.function.Supplier;

import static dev.portcullis.viewsets.Fields.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A viewset declaration either takes effect or stops start-up: each mistake below is what start-up refuses, with
 * the message it prints (the binding start-up runs for every viewset, run here on one declaration at a time).
 */
@QuarkusTest
class ViewSetDeclarationsTest {

    @Inject
    EntityManagerFactory factory;

    private static final Map<String, Supplier<ModelSerializer<Post>>> MISTAKES = Map.of(
            "a misspelled attribute", () -> ModelSerializer.of(Post.class, chars("titel")),
            "a writable field through a relation", () -> ModelSerializer.of(Post.class, chars("author").source("owner.username")),
            "a field type that cannot hold the attribute", () -> ModelSerializer.of(Post.class, bool("title")),
            "a writable id", () -> ModelSerializer.of(Post.class, integer("id")),
            "a misspelled attribute behind a relation", () -> ModelSerializer.of(Post.class, readOnly("owner").source("owner.nickname")),
            "a path through a value", () -> ModelSerializer.of(Post.class, readOnly("size").source("title.length")));

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "a misspelled attribute                     |Post serializer, field 'titel': Post has no attribute 'titel' (source 'titel')",
            "a writable field through a relation        |Post serializer, field 'author': a field read through a relation (owner.username) can only be read-only",
            "a field type that cannot hold the attribute|Post serializer, field 'title': BooleanField cannot show String attribute 'title'",
            "a writable id                              |Post serializer, field 'id': the id is chosen by the database: declare it readOnly",
            "a misspelled attribute behind a relation   |Post serializer, field 'owner': User has no attribute 'nickname' (source 'owner.nickname')",
            "a path through a value                     |Post serializer, field 'size': 'title' is not a relation to one object",
    })
    void aMistakenSerializerStopsStartUp(String mistake, String message) {
        ModelSerializer<Post> serializer = MISTAKES.get(mistake.strip()).get();
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> EntityModel.bind(serializer, factory));
        assertEquals(message, refused.getMessage());
    }

    @Test
    void aFieldDeclaredTwiceIsRefused() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> ModelSerializer.of(Post.class, readOnly("id"), chars("title"), readOnly("id")));
        assertEquals("Post serializer: field 'id' is declared twice", refused.getMessage());
    }

    @Test
    void anOrderingFieldTheSerializerLacksIsRefused() {
        EntityModel<Post> model = EntityModel.bind(ModelSerializer.of(Post.class, readOnly("id"), chars("title")), factory);
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> model.fieldIndex("created_at"));
        assertEquals("the ordering field 'created_at' is not a field of the Post serializer", refused.getMessage());
    }

    @Test
    void aQuerysetThatIsNotJpqlIsRefused() {
        ModelSerializer<Post> serializer = ModelSerializer.of(Post.class, readOnly("id"));
        GenericViewSet<Post> typo = new GenericViewSet<>(serializer) {
            @Override
            protected QueryRestriction getQueryset(Caller caller) {
                return QueryRestriction.of("o.publisehd = true", Map.of());
            }
        };
        EntityManager scratch = factory.createEntityManager();
        try {
            IllegalStateException refused = assertThrows(IllegalStateException.class,
                    () -> typo.checkQueryset(EntityModel.bind(serializer, factory), scratch));
            assertTrue(refused.getMessage().startsWith("getQueryset(startup-check) is not a valid condition on "
                    + "Post (alias o): "), refused.getMessage());
        } finally {
            scratch.close();
        }
    }
}
