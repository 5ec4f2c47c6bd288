package dev.portcullis.api;

import dev.portcullis.client.ApiClient;
import dev.portcullis.client.ApiException;
import dev.portcullis.client.api.PagedDocumentViewSetApi;
import dev.portcullis.client.api.PostResourceApi;
import dev.portcullis.client.api.RegisterResourceApi;
import dev.portcullis.client.api.TokenResourceApi;
import dev.portcullis.client.model.ApiExamplesPagedDocumentsGet200Response;
import dev.portcullis.client.model.AuthToken;
import dev.portcullis.client.model.Credentials;
import dev.portcullis.client.model.Error;
import dev.portcullis.client.model.PatchedPostRequest;
import dev.portcullis.client.model.Post;
import dev.portcullis.client.model.PostRequest;
import dev.portcullis.client.model.Registered;
import dev.portcullis.client.model.Registration;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * A client generated from the service's own OpenAPI document (by openapi-generator, as a mobile team would generate
 * theirs) walks through the API with typed objects: signs up and in, writes a post, lists a page, and is refused with
 * DRF's body — so the document describes what the service answers.
 */
@QuarkusTest
class ApiClientWalkthroughTest {

    @Test
    void aGeneratedClientSignsInWritesListsAPageAndIsRefusedWithATypedBody() throws Exception {
        String user = Api.unique("client");
        ApiClient anonymous = client(null);
        Registered registered = new RegisterResourceApi(anonymous).apiRegisterPost(new Registration().username(user)
                .password(Api.PASSWORD).email(user + "@example.com"));
        assertEquals(user, registered.getUsername());
        AuthToken token = new TokenResourceApi(anonymous).apiTokenPost(new Credentials().username(user).password(Api.PASSWORD));
        assertEquals(40, token.getToken().length());

        ApiClient signedIn = client("Token " + token.getToken());
        PostResourceApi posts = new PostResourceApi(signedIn);
        Post created = posts.apiPostsPost(new PostRequest().title("From a generated client").body("typed"));
        assertEquals(user, created.getOwner());
        assertEquals(false, created.getPublished());
        assertNotNull(created.getCreatedAt());
        String id = String.valueOf(created.getId());
        assertEquals(true, posts.apiPostsIdPatch(id, new PatchedPostRequest().published(true)).getPublished());

        Api.documentsOf(user, List.of("one", "two", "three"));
        ApiExamplesPagedDocumentsGet200Response page = new PagedDocumentViewSetApi(signedIn).apiExamplesPagedDocumentsGet(1);
        assertEquals(3L, page.getCount());
        assertEquals(List.of("one", "two"), page.getResults().stream().map(document -> document.getTitle()).toList());
        assertNotNull(page.getNext());
        assertNull(page.getPrevious());

        PostResourceApi someoneElse = new PostResourceApi(client("Token " + Api.token(Api.unique("other"))));
        ApiException refused = assertThrows(ApiException.class,
                () -> someoneElse.apiPostsIdPatch(id, new PatchedPostRequest().title("mine now")));
        assertEquals(403, refused.getCode());
        Error body = signedIn.getObjectMapper().readValue(refused.getResponseBody(), Error.class);
        assertEquals("You do not have permission to perform this action.", body.getDetail());
        assertEquals("From a generated client", posts.apiPostsIdGet(id).getTitle());
    }

    private static ApiClient client(String authorization) {
        ApiClient client = new ApiClient();
        client.updateBaseUri("http://localhost:" + RestAssured.port);
        if (authorization != null) {
            client.setRequestInterceptor(request -> request.header("Authorization", authorization));
        }
        return client;
    }
}
