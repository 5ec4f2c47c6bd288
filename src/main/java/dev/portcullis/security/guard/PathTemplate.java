package dev.portcullis.security.guard;

import jakarta.ws.rs.Path;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** JAX-RS path templates: joining a resource's and a method's {@code @Path}, and matching request paths. */
public final class PathTemplate {

    private static final Pattern PARAMETER = Pattern.compile("\\{\\s*(\\w[\\w.-]*)\\s*(?::\\s*((?:[^{}]|\\{[^{}]*})*))?}");

    private PathTemplate() {
    }

    public static String join(Path onClass, Path onMethod) {
        String joined = "/" + (onClass == null ? "" : onClass.value()) + "/" + (onMethod == null ? "" : onMethod.value());
        return joined.replaceAll("/{2,}", "/");
    }

    /** A regular expression matching the paths of the template; a parameter matches one segment. */
    public static Pattern compile(String template) {
        StringBuilder regex = new StringBuilder();
        Matcher matcher = PARAMETER.matcher(template);
        int end = 0;
        while (matcher.find()) {
            regex.append(Pattern.quote(template.substring(end, matcher.start())));
            regex.append(matcher.group(2) == null ? "[^/]+" : "(?:" + matcher.group(2) + ")");
            end = matcher.end();
        }
        regex.append(Pattern.quote(template.substring(end)));
        return Pattern.compile(regex.toString());
    }

    /**
     * The values of a template's parameters in a path it matches, by name ({@code {id}} in {@code /api/posts/{id}/}):
     * for a request no resource method has matched yet, whose path parameters Quarkus REST has not read.
     */
    public static Map<String, String> parameters(String template, String path) {
        String[] segments = template.split("/", -1);
        String[] values = path.split("/", -1);
        Map<String, String> parameters = new HashMap<>();
        for (int i = 0; i < segments.length && i < values.length; i++) {
            Matcher parameter = PARAMETER.matcher(segments[i]);
            if (parameter.matches()) {
                parameters.put(parameter.group(1), values[i]);
            }
        }
        return parameters;
    }

    /** True when the method's own path is exactly one parameter segment, e.g. {@code {id}} or {@code /{id}/}. */
    public static boolean isSingleParameter(Path onMethod) {
        if (onMethod == null) {
            return false;
        }
        String stripped = onMethod.value().replaceAll("^/+|/+$", "");
        Matcher matcher = PARAMETER.matcher(stripped);
        return matcher.matches();
    }
}
