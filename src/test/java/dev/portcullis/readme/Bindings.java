package dev.portcullis.readme;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the README's placeholders stand for in this run: a token key the README shows in full is bound to the
 * key the service really issued (and its short form {@code c8db…c371} to the same key); {@code <refresh>} is
 * the latest refresh token answered, {@code <old refresh>} the one before; a JWT shown by its first characters
 * ({@code eyJ…}) is the latest access token answered.
 */
final class Bindings {

    static final Pattern KEY = Pattern.compile("\\b[0-9a-f]{40}\\b");
    private static final Pattern SHORT_KEY = Pattern.compile("\\b([0-9a-f]{4})…([0-9a-f]{4})\\b");
    private static final Pattern JWT_PREFIX = Pattern.compile("\\b(eyJ[A-Za-z0-9_-]*)…");

    private final Map<String, String> keys = new LinkedHashMap<>();
    private final Deque<String> refreshTokens = new ArrayDeque<>();
    private final Deque<String> accessTokens = new ArrayDeque<>();

    void bindKey(String shown, String issued) {
        keys.putIfAbsent(shown, issued);
    }

    Optional<String> key(String shown) {
        return Optional.ofNullable(keys.get(shown));
    }

    /** Remembers the JWTs of an answer. */
    void answered(String field, String value) {
        if (field.equals("access")) {
            accessTokens.push(value);
        } else if (field.equals("refresh")) {
            refreshTokens.push(value);
        }
    }

    /** A request as the README writes it, with every placeholder replaced by this run's value. */
    String resolve(String text) {
        if (text == null) {
            return null;
        }
        String resolved = text;
        for (Map.Entry<String, String> key : keys.entrySet()) {
            resolved = resolved.replace(key.getKey(), key.getValue());
        }
        resolved = replace(SHORT_KEY, resolved, m -> keys.entrySet().stream()
                .filter(k -> k.getKey().startsWith(m.group(1)) && k.getKey().endsWith(m.group(2)))
                .map(Map.Entry::getValue).findFirst().orElseThrow(() -> new IllegalStateException(
                        "no key shown earlier in the README is " + m.group())));
        resolved = replace(JWT_PREFIX, resolved, m -> accessTokens.stream().filter(j -> j.startsWith(m.group(1))).findFirst()
                .orElseThrow(() -> new IllegalStateException("no access token answered earlier starts " + m.group(1))));
        if (resolved.contains("<old refresh>")) {
            resolved = resolved.replace("<old refresh>", refreshTokens.stream().skip(1).findFirst().orElseThrow());
        }
        return resolved.replace("<refresh>", refreshTokens.isEmpty() ? "<refresh>" : refreshTokens.peek());
    }

    private static String replace(Pattern pattern, String text, java.util.function.Function<Matcher, String> value) {
        Matcher matcher = pattern.matcher(text);
        StringBuilder result = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(result, Matcher.quoteReplacement(value.apply(matcher)));
        }
        matcher.appendTail(result);
        return result.toString();
    }
}
