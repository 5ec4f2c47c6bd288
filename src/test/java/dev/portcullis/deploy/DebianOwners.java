package dev.portcullis.deploy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Which Debian package of this machine holds each of some files, under any spelling of a merged {@code /usr}, asked
 * of dpkg in one query: each query reads the whole package database (a quarter of a second), and an image holds
 * dozens of libraries.
 */
final class DebianOwners {

    private final Map<String, String> packageByPath;

    private DebianOwners(Map<String, String> packageByPath) {
        this.packageByPath = packageByPath;
    }

    /** Asks dpkg once for every spelling of every file. */
    static DebianOwners of(Collection<String> files) throws IOException, InterruptedException {
        Set<String> spellings = new LinkedHashSet<>();
        files.forEach(file -> spellings.addAll(spellings(file)));
        List<String> command = new ArrayList<>(List.of("dpkg-query", "-S"));
        command.addAll(spellings);
        Process query = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String output = new String(query.getInputStream().readAllBytes());
        query.waitFor();  // not found for some spellings: a non-zero exit, and those are simply not listed
        Map<String, String> owners = new TreeMap<>();
        for (String line : output.split("\n")) {
            int separator = line.indexOf(": ");
            if (separator > 0 && !line.startsWith("diversion")) {
                // "libc6:amd64: /path", or "a:amd64, b:amd64: /path" for a path several packages hold
                String first = line.substring(0, separator).split(", ")[0];
                owners.putIfAbsent(line.substring(separator + 2), first.split(":")[0]);
            }
        }
        return new DebianOwners(owners);
    }

    /** The package holding the file under the first spelling one holds it by; empty when none does. */
    Optional<String> holder(String file) {
        return spellings(file).stream().map(packageByPath::get).filter(Objects::nonNull).findFirst();
    }

    /** The file as named, without and with {@code /usr}, and the file its links name. */
    private static List<String> spellings(String file) {
        List<String> spellings = new ArrayList<>(List.of(file, file.replaceFirst("^/usr/", "/"), "/usr" + file));
        try {
            spellings.add(Path.of(file).toRealPath().toString());
        } catch (IOException notOnThisMachine) {
            // only the spellings above
        }
        return spellings;
    }
}
