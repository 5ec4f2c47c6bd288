package dev.portcullis.accounts;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Django's default validators: each row is what Django 3.2's {@code validate_password} answers for it. */
class PasswordRulesTest {

    private static final PasswordRules RULES = new PasswordRules();

    @ParameterizedTest(name = "{2} for {0} <{1}>: {3}")
    @CsvSource(delimiter = '|', emptyValue = "", value = {
            "alice|alice@example.com|alice123|The password is too similar to the username.~This password is too common.",
            "alice||password|This password is too common.",
            "bob||12345678|This password is too common.~This password is entirely numeric.",
            "bob||123|This password is too short. It must contain at least 8 characters.~This password is too common.~This password is entirely numeric.",
            "carol|carol.smith@example.com|carolsmith|OK",
            "dave||correct-horse-battery|OK",
            "managed||second-password|OK",
            "okname||pw-12345|OK",
            "newcomer|new@example.com|s3cret-pass|OK",
            "eve||Eve!2024|OK",
            "frank|frank@corp.io|corp.io.frank|The password is too similar to the email address.",
            "x||abc|This password is too short. It must contain at least 8 characters.~This password is too common.",
            "ab||ab|The password is too similar to the username.~This password is too short. It must contain at least 8 characters.",
            "abcdefghij||abcdefgxyz|The password is too similar to the username.",
            "abcdefghij||abcdefwxyz|OK",
            "root||first-password|OK",
    })
    void answersAsDjango(String username, String email, String password, String messages) {
        List<String> expected = messages.equals("OK") ? List.of() : List.of(messages.split("~"));
        assertEquals(expected, RULES.problems(password, username, email));
    }
}
