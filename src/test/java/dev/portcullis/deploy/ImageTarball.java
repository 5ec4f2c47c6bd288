package dev.portcullis.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A container image tarball (the format of {@code docker save}: {@code manifest.json}, the image configuration, one
 * archive per layer), read with the machine's {@code tar}: its configuration, its layers' entries, its file system.
 */
final class ImageTarball {

    /** One file of a layer: its path, its permission bits and its owner. */
    record Entry(String path, String permissions, int uid) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path tarball;
    private final JsonNode manifest;

    private ImageTarball(Path tarball, JsonNode manifest) {
        this.tarball = tarball;
        this.manifest = manifest;
    }

    static ImageTarball read(Path tarball) throws IOException, InterruptedException {
        return new ImageTarball(tarball, JSON.readTree(member(tarball, "manifest.json")).get(0));
    }

    String repositoryTag() {
        return manifest.get("RepoTags").get(0).asText();
    }

    /** The image configuration's {@code config}: User, Entrypoint, ExposedPorts, Env, WorkingDir. */
    JsonNode config() throws IOException, InterruptedException {
        return JSON.readTree(member(tarball, manifest.get("Config").asText())).get("config");
    }

    /** Every entry of every layer, lowest layer first. */
    List<Entry> entries() throws IOException, InterruptedException {
        List<Entry> entries = new ArrayList<>();
        for (JsonNode layer : manifest.get("Layers")) {
            String listing = run("sh", "-c", "tar -xOf \"$0\" \"$1\" | tar --numeric-owner -tvzf - 2>/dev/null"
                    + " || tar -xOf \"$0\" \"$1\" | tar --numeric-owner -tvf -", tarball.toString(), layer.asText());
            for (String line : listing.lines().toList()) {
                String[] fields = line.trim().split("\\s+", 6);
                String path = fields[5].replaceFirst("^\\./", "/").replaceFirst(" -> .*$", "");
                entries.add(new Entry(path.startsWith("/") ? path : "/" + path, fields[0],
                        Integer.parseInt(fields[1].split("/")[0])));
            }
        }
        return entries;
    }

    /** Unpacks the layers, lowest first, into a fresh directory: the container's root file system. */
    void unpack(Path root) throws IOException, InterruptedException {
        run("rm", "-rf", root.toString());
        Files.createDirectories(root);
        for (JsonNode layer : manifest.get("Layers")) {
            run("sh", "-c", "tar -xOf \"$0\" \"$1\" | tar -xzf - -C \"$2\" 2>/dev/null"
                    + " || tar -xOf \"$0\" \"$1\" | tar -xf - -C \"$2\"", tarball.toString(), layer.asText(), root.toString());
        }
    }

    private static String member(Path tarball, String name) throws IOException, InterruptedException {
        return run("tar", "-xOf", tarball.toString(), name);
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IOException(String.join(" ", command) + ": " + output);
        }
        return output;
    }
}
