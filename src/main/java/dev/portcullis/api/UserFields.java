package dev.portcullis.api;

import dev.portcullis.accounts.PasswordRules;
import dev.portcullis.accounts.User;
import dev.portcullis.web.DjangoValidators;
import dev.portcullis.web.Payload;

import java.util.regex.Pattern;

/** The rules of Django's user fields, with Django's messages. */
final class UserFields {

    private static final Pattern USERNAME = Pattern.compile("^[\\w.@+-]+$", Pattern.UNICODE_CHARACTER_CLASS);

    private UserFields() {
    }

    static Payload.TextField username(Payload payload) {
        return payload.text("username").normalized(User::normalize).maxLength(150).must(u -> USERNAME.matcher(u).matches(),
                "Enter a valid username. This value may contain only letters, numbers, and @/./+/-/_ characters.");
    }

    static Payload.TextField email(Payload payload) {
        return payload.text("email").allowBlank().maxLength(254)
                .must(DjangoValidators::isEmail, "Enter a valid email address.");
    }

    static Payload.TextField password(Payload payload) {
        return payload.text("password").keepWhitespace().maxLength(128);
    }

    /**
     * Django's password validators, as its user creation and password change forms run them: each problem is an
     * error on {@code password}.
     *
     * @param password {@code null} when the payload sets none
     */
    static void validatePassword(Payload payload, PasswordRules rules, String password, String username, String email) {
        if (password != null) {
            rules.problems(password, username, email == null ? "" : email).forEach(problem -> payload.error("password", problem));
        }
    }
}
