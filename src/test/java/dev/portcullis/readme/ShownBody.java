package dev.portcullis.readme;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A body as the README shows it, as a pattern the real body must match: {@code …} stands for anything (the rest
 * of a token, fields left out), a token key is bound to the one really answered, and the line breaks the README
 * adds between fields or inside long strings are not in the answer.
 */
final class ShownBody {

    private static final String PUNCTUATION = ",{}[]:";

    private ShownBody() {
    }

    /** Whether the answer matches what the README shows; binds the keys it shows for the first time. */
    static boolean matches(String shown, String answered, Bindings bindings) {
        List<String> keysShown = new ArrayList<>();
        Pattern pattern = Pattern.compile(regex(shown.replaceAll("\\s+", " ").strip(), bindings, keysShown));
        Matcher matcher = pattern.matcher(answered.replaceAll("\\s+", " ").strip());
        if (!matcher.matches()) {
            return false;
        }
        for (int i = 0; i < keysShown.size(); i++) {
            bindings.bindKey(keysShown.get(i), matcher.group(i + 1));
        }
        return true;
    }

    private static String regex(String shown, Bindings bindings, List<String> keysShown) {
        StringBuilder regex = new StringBuilder();
        Matcher key = Bindings.KEY.matcher(shown);
        int at = 0;
        while (key.find()) {
            regex.append(literal(shown.substring(at, key.start())));
            String bound = bindings.key(key.group()).orElse(null);
            if (bound != null) {
                regex.append(Pattern.quote(bound));
            } else {
                keysShown.add(key.group());
                regex.append("([0-9a-f]{40})");
            }
            at = key.end();
        }
        return regex.append(literal(shown.substring(at))).toString();
    }

    /** Text matched as written, but {@code …} matches anything and a blank beside JSON punctuation may be absent. */
    private static String literal(String text) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean besidePunctuation = (i > 0 && PUNCTUATION.indexOf(text.charAt(i - 1)) >= 0)
                    || (i + 1 < text.length() && PUNCTUATION.indexOf(text.charAt(i + 1)) >= 0);
            if (c == '…') {
                regex.append(".*?");
            } else if (c == ' ' && besidePunctuation) {
                regex.append("\\s*");
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return regex.toString();
    }
}
