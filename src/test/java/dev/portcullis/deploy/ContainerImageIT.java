package dev.portcullis.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portcullis.MachineTools;
import dev.portcullis.StartupLine;
import dev.portcullis.api.Api;
import dev.portcullis.api.PackagedDatabase;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The image tarball of {@code ./mvnw package -Dproduction -Dimage} against the Deployment that runs it: the user,
 * ports, entrypoint and environment of its configuration, nothing its user could write to, and — as the pod runs it,
 * with the ConfigMap, a read-only root file system and only the Deployment's mounts writable — it starts, answers and
 * signs in.
 */
class ContainerImageIT {

    private static final Path TARBALL = Path.of("target", "portcullis-image.tar");

    private static ImageTarball image;
    private static Container deployed;
    private static PodSpec pod;
    private static ConfigMap settings;
    private static Path unpacked;

    @BeforeAll
    static void readImageAndDeployment() throws Exception {
        boolean expected = Boolean.getBoolean("portcullis.image.expected");
        if (!Files.exists(TARBALL)) {
            assertFalse(expected, "-Dimage built no " + TARBALL);
            Assumptions.abort("no image: build it with ./mvnw package -Dproduction -Dimage");
        }
        image = ImageTarball.read(TARBALL);
        List<HasMetadata> objects = Kustomize.render("prod");
        pod = Kustomize.one(objects, Deployment.class, "portcullis").getSpec().getTemplate().getSpec();
        deployed = pod.getContainers().get(0);
        settings = Kustomize.one(objects, ConfigMap.class, "portcullis");
    }

    @Test
    void theImageIsConfiguredAsTheDeploymentRunsIt() throws Exception {
        JsonNode config = image.config();
        var security = pod.getSecurityContext();
        assertEquals(security.getRunAsUser() + ":" + security.getRunAsGroup(), config.get("User").asText());
        assertFalse(config.get("User").asText().startsWith("0"), "not root");

        Set<String> ports = new TreeSet<>();
        config.get("ExposedPorts").fieldNames().forEachRemaining(ports::add);
        assertEquals(deployed.getPorts().stream().map(p -> p.getContainerPort() + "/tcp").collect(Collectors.toCollection(TreeSet::new)),
                ports);

        // The java launcher itself, by absolute path: no shell (the image has none) between it and SIGTERM, and it
        // reads the ConfigMap's JVM options from JDK_JAVA_OPTIONS.
        List<String> entrypoint = image.entrypoint();
        assertEquals("/opt/java/bin/java", entrypoint.get(0));
        assertEquals(List.of("-jar", "/app/quarkus-run.jar"), entrypoint.subList(entrypoint.size() - 2, entrypoint.size()));
        // The AOT cache the build trained, in the image's top layer.
        assertTrue(entrypoint.contains("-XX:AOTCache=" + ImageAotCache.IN_IMAGE), entrypoint.toString());
        assertTrue(image.entries().stream().anyMatch(entry -> entry.path().equals(ImageAotCache.IN_IMAGE)
                && entry.permissions().equals("-rw-r--r--") && entry.uid() == 0), "no " + ImageAotCache.IN_IMAGE);
        assertTrue(config.path("Cmd").isMissingNode() || config.path("Cmd").isNull() || config.path("Cmd").isEmpty());
        assertTrue(settings.getData().containsKey("JDK_JAVA_OPTIONS"));
        Map<String, String> environment = environment(config);
        for (String variable : List.of("JDK_JAVA_OPTIONS", "JAVA_TOOL_OPTIONS", "JAVA_OPTS", "JAVA_OPTS_APPEND")) {
            assertFalse(environment.containsKey(variable), variable + " in the image would hide or bypass the ConfigMap's");
        }
        assertTrue(environment.get("PATH").startsWith("/opt/java/bin"));

        // The name the kustomize base deploys.
        String expectedRepository = Files.readString(Path.of("k8s/base/kustomization.yaml"))
                .replaceAll("(?s).*newName: (\\S+).*", "$1");
        assertEquals(expectedRepository, image.repositoryTag().substring(0, image.repositoryTag().lastIndexOf(':')));
    }

    /**
     * A CVE scanner sees what the image holds though it has no package manager: the Debian package of every C
     * library in it (distroless's {@code /var/lib/dpkg/status.d/}), and CycloneDX SBOMs of the base (those packages
     * and the Java runtime) and of the application (its libraries).
     */
    @Test
    void theImageSaysWhatItHolds() throws Exception {
        Path root = unpacked();
        Path status = root.resolve("var/lib/dpkg/status.d");
        String libc = Files.readString(status.resolve("libc6"));
        assertTrue(libc.startsWith("Package: libc6\n") && libc.contains("\nStatus: install ok installed\n")
                && libc.contains("\nVersion: "), libc);
        JsonNode base = new com.fasterxml.jackson.databind.ObjectMapper().readTree(root.resolve("usr/share/sbom/base.cdx.json").toFile());
        assertEquals("CycloneDX", base.get("bomFormat").asText());
        Set<String> packages = new TreeSet<>();
        base.get("components").forEach(component -> packages.add(component.get("name").asText()));
        try (var recorded = Files.list(status)) {
            Set<String> expected = recorded.map(p -> p.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
            expected.add("openjdk");
            assertEquals(expected, packages, "the base's SBOM lists its packages and its Java runtime");
        }
        // Every C library in the image (outside the Java runtime) is held by a package the image records: the build
        // machine's copy, under either spelling of a merged /usr, or the file its link names.
        List<String> sharedObjects;
        try (var files = Files.walk(root)) {
            sharedObjects = files.filter(p -> p.getFileName().toString().contains(".so"))
                    .map(library -> "/" + root.relativize(library))
                    .filter(inImage -> !inImage.startsWith("/opt/java/")).toList();
        }
        DebianOwners owners = DebianOwners.of(sharedObjects);
        for (String library : sharedObjects) {
            String holder = owners.holder(library).orElse("no package");
            assertTrue(packages.contains(holder), library + " is held by " + holder + ", which the image does not record");
        }
        JsonNode application = new com.fasterxml.jackson.databind.ObjectMapper().readTree(root.resolve("usr/share/sbom/portcullis.cdx.json").toFile());
        Set<String> libraries = new TreeSet<>();
        application.get("components").forEach(component -> libraries.add(component.path("group").asText() + ":" + component.get("name").asText()));
        assertTrue(libraries.containsAll(List.of("io.quarkus:quarkus-core", "io.vertx:vertx-core", "org.postgresql:postgresql")),
                libraries.toString());
    }

    /**
     * Compatible with {@code readOnlyRootFilesystem}: the image's user owns nothing, and the only directories anyone
     * may write to are those the Deployment mounts an {@code emptyDir} on.
     */
    @Test
    void nothingInTheImageIsTheUsersToWrite() throws Exception {
        int uid = pod.getSecurityContext().getRunAsUser().intValue();
        Set<String> writable = new TreeSet<>();
        for (ImageTarball.Entry entry : image.entries()) {
            assertTrue(entry.uid() != uid, entry.path() + " belongs to the image's user");
            if (entry.permissions().charAt(8) == 'w' && entry.permissions().charAt(0) != 'l') {
                writable.add(entry.path().replaceFirst("/$", ""));
            }
        }
        Set<String> emptyDirs = emptyDirMounts().keySet();
        assertEquals(new TreeSet<>(emptyDirs), writable, "world-writable in the image, against the emptyDir mounts");
    }

    @Test
    void theImageRunsOnAReadOnlyRootFilesystem() throws Exception {
        MachineTools.require("0".equals(new ProcessBuilder("id", "-u").start().inputReader().readLine()),
                "running an image without a container runtime needs root (mounts and chroot), as CI has");
        Path root = unpacked();
        JsonNode config = image.config();

        Map<String, String> environment = new HashMap<>(environment(config));
        environment.putAll(settings.getData());
        Map<String, String> database = new PackagedDatabase().start();
        environment.put("QUARKUS_DATASOURCE_JDBC_URL", database.get("quarkus.datasource.jdbc.url"));
        environment.put("QUARKUS_DATASOURCE_USERNAME", database.get("quarkus.datasource.username"));
        environment.put("QUARKUS_DATASOURCE_PASSWORD", database.get("quarkus.datasource.password"));
        environment.put("PORTCULLIS_BOOTSTRAP_ADMIN_USERNAME", Api.ADMIN);
        environment.put("PORTCULLIS_BOOTSTRAP_ADMIN_PASSWORD", Api.ADMIN_PASSWORD);
        deployed.getEnv().stream().filter(variable -> variable.getValue() != null)
                .forEach(variable -> environment.put(variable.getName(), variable.getValue()));
        // Reached here as localhost, besides the cluster's names the ConfigMap lists.
        environment.put("PORTCULLIS_ALLOWED_HOSTS", settings.getData().get("PORTCULLIS_ALLOWED_HOSTS") + ",localhost");
        // Ports of its own, as a replica binds them (the test machine is one network namespace).
        environment.put("QUARKUS_HTTP_PORT", "0");
        environment.put("QUARKUS_MANAGEMENT_PORT", "0");

        Map<String, String> mounts = new TreeMap<>();
        emptyDirMounts().forEach((path, volume) -> mounts.put(path, "emptyDir"));
        for (VolumeMount mount : deployed.getVolumeMounts()) {
            Volume volume = volume(mount.getName());
            if (volume.getSecret() != null) {
                // The test keys stand in for the Secret's files (signing.pem).
                mounts.put(mount.getMountPath(), Path.of("src/test/resources/test-keys").toAbsolutePath().toString());
            }
        }
        // The JVM maps the JDK's classes from the runtime's class-data archive under the ConfigMap's options: with
        // -Xshare:on it refuses to start without one it can use.
        Path version = Path.of("target", "image-java-version.log");
        try (ReadOnlyContainer java = ReadOnlyContainer.start(root, config.get("User").asText(),
                List.of(image.entrypoint().get(0), "-Xshare:on", "-version"), environment, mounts, version)) {
            assertEquals(0, java.awaitExit(Duration.ofSeconds(30)), Files.readString(version));
        }
        assertTrue(Files.readString(version).contains(configMapOptionsPickedUp()), Files.readString(version));
        // The pod's JVMs start from the image's AOT cache: with -XX:AOTMode=on (added to the ConfigMap's options by
        // JAVA_TOOL_OPTIONS) a JVM refuses to start rather than run without it — a cache written under other options,
        // by another runtime or for other classes.
        environment.put("JAVA_TOOL_OPTIONS", "-XX:AOTMode=on");

        // The pod's init container first: the same image's `migrate`, as the service no longer migrates at start-up.
        Container migrate = pod.getInitContainers().get(0);
        List<String> migration = new java.util.ArrayList<>(image.entrypoint());
        migration.addAll(migrate.getArgs());
        Map<String, String> scratch = new TreeMap<>();
        migrate.getVolumeMounts().forEach(mount -> scratch.put(mount.getMountPath(), "emptyDir"));
        Map<String, String> migrationEnvironment = new HashMap<>(environment);  // without what only the service is given
        deployed.getEnv().stream().filter(variable -> migrate.getEnv().stream()
                .noneMatch(own -> own.getName().equals(variable.getName())))
                .forEach(variable -> migrationEnvironment.remove(variable.getName()));
        Path migrated = Path.of("target", "image-migrate.log");
        try (ReadOnlyContainer init = ReadOnlyContainer.start(root, config.get("User").asText(), migration,
                migrationEnvironment, scratch, migrated)) {
            assertEquals(0, init.awaitExit(Duration.ofSeconds(120)), Files.readString(migrated));
        }
        assertTrue(Files.readString(migrated).contains("the schema is at version"), Files.readString(migrated));

        Path log = Path.of("target", "image-run.log");
        try (ReadOnlyContainer container = ReadOnlyContainer.start(root, config.get("User").asText(),
                image.entrypoint(), environment, mounts, log)) {
            String started = awaitStarted(container, log);
            int http = StartupLine.httpPort(started).getAsInt();
            int management = StartupLine.managementPort(started).getAsInt();

            assertTrue(started.contains(configMapOptionsPickedUp()),
                    "the JVM runs with the ConfigMap's options");
            // Ready once every viewset's queryset has compiled, just after start-up, as the readiness probe waits.
            awaitReady(management, container, log);
            RestAssured.given().port(management).get("/q/health/ready").then().statusCode(200)
                    .body("status", equalTo("UP"))
                    .body("checks.find { it.name == 'Viewset querysets' }.status", equalTo("UP"));
            RestAssured.given().port(http).get("/api/public/").then().statusCode(200)
                    .body(equalTo("{\"data\":\"public\"}"));
            RestAssured.given().port(http).contentType(ContentType.JSON)
                    .body(Map.of("username", Api.ADMIN, "password", Api.ADMIN_PASSWORD)).post("/api/token/")
                    .then().statusCode(200).body("token", org.hamcrest.Matchers.matchesPattern("[0-9a-f]{40}"));
        }
        String output = Files.readString(log);
        assertFalse(output.contains("Read-only file system"), output);
    }

    /** The image's file system, unpacked once for the tests that read it and run it (read-only, so unchanged). */
    private static synchronized Path unpacked() throws Exception {
        if (unpacked == null) {
            unpacked = Path.of("target", "image-rootfs").toAbsolutePath();
            image.unpack(unpacked);
        }
        return unpacked;
    }

    /** What the java launcher prints when it reads the ConfigMap's JVM options from {@code JDK_JAVA_OPTIONS}. */
    private static String configMapOptionsPickedUp() {
        return "Picked up JDK_JAVA_OPTIONS: " + settings.getData().get("JDK_JAVA_OPTIONS");
    }

    private static String awaitStarted(ReadOnlyContainer container, Path log) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        while (Instant.now().isBefore(deadline)) {
            String output = Files.readString(log);
            if (StartupLine.httpPort(output).isPresent() && StartupLine.managementPort(output).isPresent()) {
                return output;
            }
            assertTrue(container.isAlive(), "the container stopped: " + output);
            Thread.sleep(200);
        }
        throw new AssertionError("not started within 120 s: " + Files.readString(log));
    }

    private static void awaitReady(int management, ReadOnlyContainer container, Path log) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (RestAssured.given().port(management).get("/q/health/ready").statusCode() != 200) {
            assertTrue(container.isAlive(), "the container stopped: " + Files.readString(log));
            assertTrue(Instant.now().isBefore(deadline), "not ready within 30 s: " + Files.readString(log));
            Thread.sleep(100);
        }
    }

    /** The Deployment's emptyDir volumes, by mount path. */
    private static Map<String, String> emptyDirMounts() {
        Map<String, String> mounts = new TreeMap<>();
        for (VolumeMount mount : deployed.getVolumeMounts()) {
            if (volume(mount.getName()).getEmptyDir() != null) {
                mounts.put(mount.getMountPath(), mount.getName());
            }
        }
        return mounts;
    }

    private static Volume volume(String name) {
        return pod.getVolumes().stream().filter(v -> v.getName().equals(name)).findFirst().orElseThrow();
    }

    private static Map<String, String> environment(JsonNode config) {
        Map<String, String> environment = new TreeMap<>();
        config.path("Env").forEach(line -> environment.put(line.asText().substring(0, line.asText().indexOf('=')),
                line.asText().substring(line.asText().indexOf('=') + 1)));
        return environment;
    }
}
