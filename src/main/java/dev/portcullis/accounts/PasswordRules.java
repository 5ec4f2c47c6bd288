package dev.portcullis.accounts;

import jakarta.inject.Singleton;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;

/**
 * Django's default password validators, in Django's order and words: similarity to the username and e-mail
 * address, at least 8 characters, not one of the 20,000 common passwords Django ships (its own list), not
 * entirely numeric. Every rule that fails is reported, as {@code validate_password} does.
 */
@Singleton
public class PasswordRules {

    static final int MIN_LENGTH = 8;
    private static final double MAX_SIMILARITY = 0.7;
    private static final Pattern NON_WORD = Pattern.compile("\\W+", Pattern.UNICODE_CHARACTER_CLASS);

    /**
     * The common passwords, read when a password is first checked (as Django reads them when its validators are first
     * asked for): a start-up, and the memory, that sets no password does not pay for 20,000 strings.
     */
    private static final class CommonPasswords {

        static final Set<String> LIST = read();

        private static Set<String> read() {
            try (InputStream gz = PasswordRules.class.getResourceAsStream("/password-validation/common-passwords.txt.gz");
                 BufferedReader lines = new BufferedReader(new InputStreamReader(new GZIPInputStream(gz), StandardCharsets.UTF_8))) {
                return lines.lines().map(String::strip).collect(Collectors.toUnmodifiableSet());
            } catch (IOException e) {
                throw new UncheckedIOException("The list of common passwords cannot be read", e);
            }
        }
    }

    /** What is wrong with the password for this user; empty when nothing is. */
    public List<String> problems(String password, String username, String email) {
        List<String> problems = new ArrayList<>();
        similarity(password, Map.of("username", nullToEmpty(username), "email address", nullToEmpty(email)))
                .ifPresent(problems::add);
        if (password.codePointCount(0, password.length()) < MIN_LENGTH) {
            problems.add("This password is too short. It must contain at least " + MIN_LENGTH + " characters.");
        }
        if (CommonPasswords.LIST.contains(password.toLowerCase(Locale.ROOT).strip())) {
            problems.add("This password is too common.");
        }
        if (!password.isEmpty() && password.chars().allMatch(Character::isDigit)) {
            problems.add("This password is entirely numeric.");
        }
        return problems;
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }

    /** {@code UserAttributeSimilarityValidator}: each attribute, whole and in its word-separated parts. */
    private static java.util.Optional<String> similarity(String password, Map<String, String> attributes) {
        String lower = password.toLowerCase(Locale.ROOT);
        for (String name : List.of("username", "email address")) {
            String value = attributes.get(name).toLowerCase(Locale.ROOT);
            if (value.isEmpty()) {
                continue;
            }
            List<String> parts = new ArrayList<>(List.of(NON_WORD.split(value, -1)));
            parts.add(value);
            for (String part : parts) {
                if (!exceedsMaximumLengthRatio(lower, part) && quickRatio(lower, part) >= MAX_SIMILARITY) {
                    return java.util.Optional.of("The password is too similar to the " + name + ".");
                }
            }
        }
        return java.util.Optional.empty();
    }

    /** Django's shortcut: a part far shorter than the password cannot be similar enough. */
    private static boolean exceedsMaximumLengthRatio(String password, String value) {
        int passwordLength = password.codePointCount(0, password.length());
        int valueLength = value.codePointCount(0, value.length());
        return passwordLength >= 10 * valueLength && valueLength < MAX_SIMILARITY / 2 * passwordLength;
    }

    /** Python's {@code SequenceMatcher(a, b).quick_ratio()}: characters in common, as multisets. */
    static double quickRatio(String a, String b) {
        Map<Integer, Integer> available = new HashMap<>();
        b.codePoints().forEach(c -> available.merge(c, 1, Integer::sum));
        int matches = 0;
        for (int c : a.codePoints().toArray()) {
            int left = available.getOrDefault(c, 0);
            available.put(c, left - 1);
            if (left > 0) {
                matches++;
            }
        }
        int total = a.codePointCount(0, a.length()) + b.codePointCount(0, b.length());
        return total == 0 ? 1.0 : 2.0 * matches / total;
    }
}
