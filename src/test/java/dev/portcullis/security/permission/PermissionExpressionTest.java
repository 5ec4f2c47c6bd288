package dev.portcullis.security.permission;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PermissionExpressionTest {

    private static final Map<String, Permission> CLASSES = Map.of(
            "A", new AllowAny(), "IsAdminUser", new IsAdminUser(), "IsAuthenticated", new IsAuthenticated());

    private static Permission parse(String expression) {
        return Requests.parse(expression, CLASSES);
    }

    @ParameterizedTest(name = "{0} reads as {1}")
    @CsvSource(value = {
            "IsAdminUser | IsAuthenticated & A; (IsAdminUser | (IsAuthenticated & AllowAny))",
            "(IsAdminUser | IsAuthenticated) & A; ((IsAdminUser | IsAuthenticated) & AllowAny)",
            "~IsAdminUser & IsAuthenticated; (~IsAdminUser & IsAuthenticated)",
            "not IsAdminUser or IsAuthenticated; (~IsAdminUser | IsAuthenticated)",
            "  IsAdminUser  ; IsAdminUser",
            "A | A | A; ((AllowAny | AllowAny) | AllowAny)",
    }, delimiter = ';')
    void precedenceAsInPython(String expression, String structure) {
        assertEquals(structure, parse(expression).name());
    }

    @ParameterizedTest(name = "\"{0}\" is refused: {1}")
    @CsvSource(value = {
            "IsOwner; unknown permission class 'IsOwner'",
            "IsAdminUser |; ends too early",
            "(IsAdminUser; missing ')'",
            "IsAdminUser IsAuthenticated; unexpected 'IsAuthenticated'",
            "IsAdminUser + A; cannot read permission expression",
            "' '; empty permission expression",
            "|; expected a permission class",
    }, delimiter = ';')
    void badExpressionsAreRefusedWithAMessage(String expression, String message) {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> parse(expression));
        assertTrue(error.getMessage().contains(message), error.getMessage());
    }
}
