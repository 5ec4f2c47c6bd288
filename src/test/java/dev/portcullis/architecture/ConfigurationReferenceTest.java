package dev.portcullis.architecture;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The configuration reference cannot drift from the code: every {@code portcullis.*} property the code reads (a
 * {@code @ConfigProperty}, or a prefix such as {@code portcullis.throttle.rates.} documented as
 * {@code portcullis.throttle.rates.<scope>}) or {@code application.properties} sets has one row in
 * {@code docs/configuration.md}, every row names one of them, and each row's default and production value are
 * those of {@code application.properties} (its {@code %prod.} entry) or the code's own default.
 */
class ConfigurationReferenceTest {

    private static final Path REFERENCE = Path.of("docs/configuration.md");
    private static final Pattern CONFIG_PROPERTY = Pattern.compile(
            "@ConfigProperty\\(\\s*name\\s*=\\s*\"(portcullis\\.[^\"]+)\"(?:\\s*,\\s*defaultValue\\s*=\\s*\"([^\"]*)\")?");
    private static final Pattern ROW = Pattern.compile("^\\| `(portcullis\\.[^`]+)` \\| ([^|]+) \\| ([^|]+) \\|", Pattern.MULTILINE);
    private static final String NONE = "none";

    @Test
    void everyPropertyIsDocumentedWithItsDefaultAndProductionValue() throws IOException {
        Map<String, String> codeDefaults = new TreeMap<>();
        String sources = sources();
        Matcher property = CONFIG_PROPERTY.matcher(sources);
        while (property.find()) {
            codeDefaults.merge(property.group(1), property.group(2) == null ? NONE : property.group(2),
                    (a, b) -> a.equals(NONE) ? b : a);
        }
        assertTrue(codeDefaults.size() > 25, "properties read: " + codeDefaults.keySet());
        Properties file = new Properties();
        file.load(new StringReader(Files.readString(Path.of("src/main/resources/application.properties"))));

        Map<String, String[]> expected = new TreeMap<>();
        for (String name : file.stringPropertyNames()) {
            String plain = name.replaceFirst("^%[a-z]+\\.", "");
            if (plain.startsWith("portcullis.")) {
                codeDefaults.putIfAbsent(plain, NONE);
            }
        }
        codeDefaults.forEach((name, codeDefault) -> {
            String byDefault = file.getProperty(name, codeDefault);
            expected.put(name, new String[]{byDefault, file.getProperty("%prod." + name, byDefault)});
        });

        Map<String, String[]> documented = new TreeMap<>();
        Matcher row = ROW.matcher(Files.readString(REFERENCE));
        while (row.find()) {
            documented.put(row.group(1), new String[]{value(row.group(2)), value(row.group(3))});
        }
        List<String> wrong = new ArrayList<>();
        documented.forEach((name, values) -> {
            if (name.contains("<")) {
                String prefix = name.substring(0, name.indexOf('<'));
                if (!sources.contains("\"" + prefix + "\"")) {
                    wrong.add(name + ": the code reads no property under " + prefix);
                }
                return;
            }
            String[] actual = expected.get(name);
            if (actual == null) {
                wrong.add(name + ": documented, but neither the code nor application.properties has it");
            } else if (!actual[0].equals(values[0]) || !actual[1].equals(values[1])) {
                wrong.add(name + ": documented default " + values[0] + ", production " + values[1] + "; the code has "
                        + actual[0] + ", " + actual[1]);
            }
        });
        expected.keySet().stream().filter(name -> !documented.containsKey(name))
                .forEach(name -> wrong.add(name + ": read by the service, missing from " + REFERENCE));
        assertEquals(List.of(), wrong);
    }

    /** A table cell's value: {@code `x`} is x, {@code none} is none. */
    private static String value(String cell) {
        String value = cell.strip();
        return value.startsWith("`") && value.endsWith("`") ? value.substring(1, value.length() - 1) : value;
    }

    private static String sources() throws IOException {
        StringBuilder all = new StringBuilder();
        for (Path root : List.of(Path.of("src/main/java"), Path.of("src/lambda/java"))) {
            if (!Files.isDirectory(root)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    all.append(Files.readString(file)).append('\n');
                }
            }
        }
        return all.toString();
    }
}
