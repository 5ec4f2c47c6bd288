package dev.portcullis.architecture;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every relative link of the README and the docs leads to a file of the repository, and every page is linked. */
class ReadmeLinksTest {

    private static final Pattern LINK = Pattern.compile("\\]\\(([^)#\\s]+)(#[^)]*)?\\)");

    @Test
    void everyLinkResolves() throws IOException {
        List<Path> pages = new ArrayList<>(List.of(Path.of("README.md")));
        try (Stream<Path> docs = Files.list(Path.of("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).forEach(pages::add);
        }
        List<String> broken = new ArrayList<>();
        int links = 0;
        for (Path page : pages) {
            Matcher link = LINK.matcher(Files.readString(page));
            while (link.find()) {
                String target = link.group(1);
                if (target.startsWith("http://") || target.startsWith("https://")) {
                    continue;
                }
                links++;
                if (!Files.exists(page.resolveSibling(target))) {
                    broken.add(page + " → " + target);
                }
            }
        }
        assertTrue(links >= 3, "the README links to the docs");
        assertEquals(List.of(), broken);
    }

    /** A page of the manual that neither the README nor the map links to is one nobody finds. */
    @Test
    void everyPageIsReachableFromTheReadmeOrTheMap() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        String map = Files.readString(Path.of("docs/index.md"));
        assertTrue(readme.contains("](docs/index.md)"), "the README links to the map");
        List<String> unreachable = new ArrayList<>();
        try (Stream<Path> docs = Files.list(Path.of("docs"))) {
            docs.map(page -> page.getFileName().toString()).filter(name -> name.endsWith(".md") && !name.equals("index.md"))
                    .filter(name -> !readme.contains("](docs/" + name + ")") && !map.contains("](" + name + ")"))
                    .forEach(unreachable::add);
        }
        assertEquals(List.of(), unreachable);
    }
}
