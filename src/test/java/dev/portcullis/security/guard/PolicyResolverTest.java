package dev.portcullis.security.guard;

import dev.portcullis.security.authentication.Authenticator;
import dev.portcullis.security.authentication.BasicAuthentication;
import dev.portcullis.security.authentication.TokenAuthentication;
import dev.portcullis.security.permission.AllowAny;
import dev.portcullis.security.permission.IsAdminUser;
import dev.portcullis.security.permission.IsAuthenticated;
import dev.portcullis.security.permission.Permission;
import io.quarkus.arc.profile.IfBuildProfile;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.lang.reflect.Method;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Declarations become policies at start-up; a wrong declaration stops start-up with a message that names it.
 * The resources below exist for this test only: {@code @IfBuildProfile} of a profile that is never built keeps
 * them out of the application that the other tests start.
 */
class PolicyResolverTest {

    private static final String NEVER = "declarations-under-test";

    /** A permission class that is not a bean of the application. */
    static class NotABean implements Permission {
    }

    @IfBuildProfile(NEVER)
    @Path("/broken/")
    @Permissions(expression = "IsAdminUser | IsOwner")
    public static class UnknownInExpression {
        @GET
        public String get() {
            return "";
        }
    }

    @IfBuildProfile(NEVER)
    @Path("/broken/")
    public static class UnknownClass {
        @GET
        @Permissions(NotABean.class)
        public String get() {
            return "";
        }
    }

    @IfBuildProfile(NEVER)
    @Path("/fine/")
    @Authentication({})
    @Permissions(IsAdminUser.class)
    public static class Declared {
        @GET
        public String get() {
            return "";
        }

        @POST
        @Authentication(BasicAuthentication.class)
        @Permissions(expression = "IsAdminUser | IsAuthenticated")
        public String post() {
            return "";
        }
    }

    @IfBuildProfile(NEVER)
    @Path("/subresource/")
    public static class SubResourceLocator {
        @Path("child")
        public Object child() {
            return null;
        }
    }

    /** A viewset's delete, to be answered by getPermissions("destroy"). */
    public abstract static class Deletable {
        @jakarta.ws.rs.DELETE
        @Path("{id}/")
        public String destroy() {
            return "";
        }
    }

    @IfBuildProfile(NEVER)
    @Path("/invoices/")
    @Permissions(IsAuthenticated.class)
    public static class NotAViewSet extends Deletable implements GetPermissions {
        @Override
        public List<Permission> getPermissions(String action) {
            return action.equals("destroy") ? List.of(new IsAdminUser()) : DECLARED;
        }
    }

    @IfBuildProfile(NEVER)
    @ViewSet
    @Path("/invoices/")
    @Permissions(IsAuthenticated.class)
    public static class MisspelledFallingToNull extends Deletable implements GetPermissions {
        @Override
        public List<Permission> getPermissions(String action) {
            return switch (action) {
                case "destory" -> List.of(new IsAdminUser());
                default -> null;
            };
        }
    }

    @IfBuildProfile(NEVER)
    @ViewSet
    @Path("/invoices/")
    @Permissions(IsAuthenticated.class)
    public static class MisspelledFallingToThrow extends Deletable implements GetPermissions {
        @Override
        public List<Permission> getPermissions(String action) {
            return switch (action) {
                case "partialUpdate" -> List.of(new IsAdminUser());
                default -> throw new IllegalArgumentException(action);
            };
        }
    }

    /** An extra action renamed without {@code @Action}: its action is now the method's name. */
    @IfBuildProfile(NEVER)
    @ViewSet
    @Path("/invoices/")
    @Permissions(IsAuthenticated.class)
    public static class RenamedExtraAction implements GetPermissions {
        @POST
        @Path("{id}/pay/")
        public String payNow() {
            return "";
        }

        @Override
        public List<Permission> getPermissions(String action) {
            return switch (action) {
                case "pay" -> List.of(new IsAdminUser());
                default -> throw new IllegalArgumentException("no permissions for action '" + action + "'");
            };
        }
    }

    @IfBuildProfile(NEVER)
    @ViewSet
    @Path("/invoices/")
    @Permissions(IsAdminUser.class)
    public static class KeepsDeclarationsOnPurpose extends Deletable implements GetPermissions {
        @Override
        public List<Permission> getPermissions(String action) {
            return DECLARED;
        }
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
            "NotAViewSet              |implements GetPermissions but is not a @ViewSet",
            "MisspelledFallingToNull  |getPermissions(\"destroy\") returned null",
            "MisspelledFallingToThrow |getPermissions(\"destroy\") failed (java.lang.IllegalArgumentException: destroy)",
            "RenamedExtraAction       |getPermissions(\"payNow\") failed (java.lang.IllegalArgumentException: no permissions for action 'payNow')",
    })
    void aPerActionDeclarationThatWouldNotTakeEffectStopsStartUp(String resource, String message) throws Exception {
        Class<?> type = Class.forName(PolicyResolverTest.class.getName() + "$" + resource.strip());
        Object instance = type.getConstructor().newInstance();
        Method method = type.getMethod(type == RenamedExtraAction.class ? "payNow" : "destroy");
        IllegalStateException error = assertThrows(IllegalStateException.class,
                () -> resolver("IsAuthenticated").resolve(instance, type, method));
        assertTrue(error.getMessage().startsWith("Invalid security declaration on " + type.getSimpleName() + "."
                + method.getName() + ": "), error.getMessage());
        assertTrue(error.getMessage().contains(message.strip()), error.getMessage());
    }

    @Test
    void declaredKeepsTheAnnotationsOnPurpose() throws Exception {
        EndpointPolicy destroy = resolver("IsAuthenticated").resolve(new KeepsDeclarationsOnPurpose(),
                KeepsDeclarationsOnPurpose.class, KeepsDeclarationsOnPurpose.class.getMethod("destroy"));
        assertEquals("destroy", destroy.action());
        assertEquals(List.of("IsAdminUser"), destroy.permissionNames());
        assertEquals(EndpointPolicy.Source.RESOURCE, destroy.permissionSource());
    }

    /** A service bean with a declaration no interceptor can reach. */
    public static class Service {
        public void refundAll() {
            refund();
        }

        @Permissions(IsAdminUser.class)
        private void refund() {
        }
    }

    @IfBuildProfile(NEVER)
    @Path("/helpers/")
    public static class ResourceWithAnnotatedHelper {
        @GET
        public String get() {
            return helper();
        }

        @Permissions(IsAdminUser.class)
        String helper() {
            return "";
        }
    }

    @IfBuildProfile(NEVER)
    @Authentication({})
    public static class AnnotatedNonResource {
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "Service                    |Service.refund: @Permissions would never be enforced, because an interceptor cannot reach a private or static method",
            "ResourceWithAnnotatedHelper|ResourceWithAnnotatedHelper.helper: @Permissions would never be enforced, because the method is not a resource method",
            "AnnotatedNonResource       |AnnotatedNonResource: @Authentication would never be enforced, because the class is not a JAX-RS resource",
    })
    void aDeclarationNothingEnforcesStopsStartUp(String type, String message) throws Exception {
        Class<?> declaring = Class.forName(PolicyResolverTest.class.getName() + "$" + type.strip());
        IllegalStateException error = assertThrows(IllegalStateException.class, () -> Declarations.requireEnforced(declaring));
        assertTrue(error.getMessage().contains(message.strip()), error.getMessage());
    }

    private static PolicyResolver resolver(String defaultPermission) {
        ClassCatalog catalog = new ClassCatalog(
                List.of(new AllowAny(), new IsAuthenticated(), new IsAdminUser()),
                List.<Authenticator>of(new TokenAuthentication("Token"), new BasicAuthentication()));
        return new PolicyResolver(catalog, List.of("TokenAuthentication"), List.of(defaultPermission));
    }

    private static EndpointPolicy resolve(Class<?> type, String method) throws NoSuchMethodException {
        Method m = type.getMethod(method);
        return resolver("IsAuthenticated").resolve(null, type, m);
    }

    @ParameterizedTest(name = "{0} fails start-up naming {1}")
    @CsvSource(delimiter = '|', value = {
            "UnknownInExpression|UnknownInExpression.get: unknown permission class 'IsOwner'",
            "UnknownClass|UnknownClass.get: unknown permission class 'NotABean'",
            "SubResourceLocator|SubResourceLocator.child is a sub-resource locator",
    })
    void invalidDeclarationsFailWithTheResourceAndTheClass(String resource, String message) throws Exception {
        Class<?> type = Class.forName(PolicyResolverTest.class.getName() + "$" + resource);
        String method = type.getDeclaredMethods()[0].getName();
        IllegalStateException error = assertThrows(IllegalStateException.class, () -> resolve(type, method));
        assertTrue(error.getMessage().contains(message), error.getMessage());
    }

    @ParameterizedTest(name = "default permissions [{0}] are refused")
    @CsvSource({"IsNothing", "IsAdminUser |"})
    void invalidDefaultsFailStartUp(String defaults) {
        IllegalStateException error = assertThrows(IllegalStateException.class, () -> resolver(defaults));
        assertTrue(error.getMessage().startsWith("portcullis.default-permissions: "), error.getMessage());
    }

    /** An identity provider's class named without the provider configured would refuse every token: start-up stops. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "OidcAuthentication         |OidcAuthentication is declared, but portcullis.oidc.issuer is not set",
            "IntrospectionAuthentication|IntrospectionAuthentication is declared, but portcullis.introspection.endpoint is not set",
    })
    void aProvidersClassWithoutItsProviderStopsStartUp(String declared, String message) {
        ClassCatalog catalog = new ClassCatalog(List.of(new IsAuthenticated()), List.<Authenticator>of(
                new dev.portcullis.security.authentication.OidcAuthentication(java.util.Optional.empty()),
                new dev.portcullis.security.authentication.IntrospectionAuthentication(java.util.Optional.empty())));
        IllegalStateException error = assertThrows(IllegalStateException.class,
                () -> new PolicyResolver(catalog, List.of(declared), List.of("IsAuthenticated")));
        assertEquals("portcullis.default-authentication: " + message, error.getMessage());
    }

    @Test
    void methodDeclarationsReplaceResourceDeclarationsWhichReplaceTheDefault() throws Exception {
        EndpointPolicy get = resolve(Declared.class, "get");
        assertEquals(List.of(), get.authenticatorNames());
        assertEquals(EndpointPolicy.Source.RESOURCE, get.authenticationSource());
        assertEquals(List.of("IsAdminUser"), get.permissionNames());
        assertEquals("get", get.action());
        assertEquals("/fine/", get.path());

        EndpointPolicy post = resolve(Declared.class, "post");
        assertEquals(List.of("BasicAuthentication"), post.authenticatorNames());
        assertEquals(EndpointPolicy.Source.METHOD, post.permissionSource());
        assertEquals(List.of("(IsAdminUser | IsAuthenticated)"), post.permissionNames());
        assertEquals("Basic realm=\"api\"", post.wwwAuthenticate());
    }
}
