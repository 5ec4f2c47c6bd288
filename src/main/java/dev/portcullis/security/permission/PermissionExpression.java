package dev.portcullis.security.permission;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses a composition as DRF writes it in Python: {@code IsAdminUser | IsOwnerOrReadOnly},
 * {@code IsAuthenticated & ~IsAdminUser}, with parentheses; {@code and}, {@code or}, {@code not} also work.
 * {@code ~} binds tighter than {@code &}, which binds tighter than {@code |}, as in Python.
 */
public final class PermissionExpression {

    private static final Pattern TOKEN = Pattern.compile("\\s*([()&|~]|[A-Za-z_][A-Za-z0-9_]*)");

    private final List<String> tokens;
    private final Function<String, Permission> lookup;
    private int position;

    private PermissionExpression(List<String> tokens, Function<String, Permission> lookup) {
        this.tokens = tokens;
        this.lookup = lookup;
    }

    /**
     * @param lookup finds a permission class by name, or throws {@link IllegalArgumentException}
     * @throws IllegalArgumentException naming what is wrong with the expression
     */
    public static Permission parse(String expression, Function<String, Permission> lookup) {
        PermissionExpression parser = new PermissionExpression(tokenize(expression), lookup);
        Permission result = parser.disjunction();
        if (parser.position != parser.tokens.size()) {
            throw new IllegalArgumentException("unexpected '" + parser.tokens.get(parser.position)
                    + "' in permission expression \"" + expression + "\"");
        }
        return result;
    }

    private static List<String> tokenize(String expression) {
        List<String> tokens = new ArrayList<>();
        Matcher matcher = TOKEN.matcher(expression);
        int end = 0;
        while (matcher.find() && matcher.start() == end) {
            tokens.add(matcher.group(1));
            end = matcher.end();
        }
        if (!expression.substring(end).isBlank()) {
            throw new IllegalArgumentException("cannot read permission expression \"" + expression + "\" at \""
                    + expression.substring(end).strip() + "\"");
        }
        if (tokens.isEmpty()) {
            throw new IllegalArgumentException("empty permission expression");
        }
        return tokens;
    }

    private Permission disjunction() {
        Permission result = conjunction();
        while (accept("|", "or")) {
            result = result.or(conjunction());
        }
        return result;
    }

    private Permission conjunction() {
        Permission result = negation();
        while (accept("&", "and")) {
            result = result.and(negation());
        }
        return result;
    }

    private Permission negation() {
        if (accept("~", "not")) {
            return Permission.not(negation());
        }
        if (accept("(", "(")) {
            Permission inner = disjunction();
            if (!accept(")", ")")) {
                throw new IllegalArgumentException("missing ')' in permission expression");
            }
            return inner;
        }
        if (position >= tokens.size()) {
            throw new IllegalArgumentException("permission expression ends too early");
        }
        String name = tokens.get(position++);
        if (!Character.isLetter(name.charAt(0)) && name.charAt(0) != '_') {
            throw new IllegalArgumentException("expected a permission class, found '" + name + "'");
        }
        return lookup.apply(name);
    }

    private boolean accept(String symbol, String word) {
        if (position < tokens.size() && (tokens.get(position).equals(symbol) || tokens.get(position).equals(word))) {
            position++;
            return true;
        }
        return false;
    }
}
