package dev.portcullis.deploy;

import dev.portcullis.api.PostgresOnUnusedPort;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A step of the image's build ({@code -Dimage}, after Quarkus's build wrote the image tarball): the JDK's AOT cache
 * (JEP 483, 514, 515: classes loaded and linked, methods profiled) from a training run of the image's own Java runtime
 * and files, under the ConfigMap's settings, added to the image as one more layer, {@code /app/app.aot}, which the
 * entrypoint names. A pod then starts from the cache instead of loading, verifying and linking every class anew.
 *
 * <p>It lives with the tests because its database does: the embedded PostgreSQL of the test classpath, started for
 * the training and dropped with everything the training wrote. Nothing of the training's keys, users or data is in
 * the cache, which holds classes, their linkage and method profiles.
 *
 * <pre>ImageAotCache IMAGE.tar WORK-DIRECTORY</pre>
 */
public final class ImageAotCache {

    /** Where the cache is in the image; the entrypoint (the POM's {@code quarkus.jib.jvm-entrypoint}) names it. */
    static final String IN_IMAGE = "/app/app.aot";

    private ImageAotCache() {
    }

    public static void main(String[] args) throws Exception {
        Path tarball = Path.of(args[0]);
        Path work = Path.of(args[1]).toAbsolutePath();
        ImageTarball image = ImageTarball.read(tarball);
        Path root = work.resolve("rootfs");
        Path cache = work.resolve("app.aot");
        Files.deleteIfExists(cache);
        ExecutorService unpacking = Executors.newSingleThreadExecutor();
        Future<?> unpacked = unpacking.submit(() -> {  // beside the database's start: each takes seconds
            image.unpack(root);
            return null;
        });
        unpacking.shutdown();
        long start = System.nanoTime();
        try (EmbeddedPostgres database = PostgresOnUnusedPort.start(builder -> builder)) {
            unpacked.get();
            System.out.printf("AOT cache: training the image's service (its log: %s)%n", work.resolve("training.log"));
            new AotTraining(root, image.entrypoint(), configMap(), database.getJdbcUrl("postgres", "postgres"), work)
                    .record(cache);
        }
        System.out.printf("AOT cache: %d MB written in %d s%n", Files.size(cache) >> 20, seconds(start));
        image.addLayer(cache, IN_IMAGE, "ImageAotCache: the AOT cache of a training run", work);
        System.out.printf("AOT cache: %s added to %s, %d s in all%n", IN_IMAGE, tarball, seconds(start));
    }

    private static long seconds(long since) {
        return (System.nanoTime() - since) / 1_000_000_000L;
    }

    /** The settings every pod is given: the JVM's options among them, which the cache must be written under. */
    private static Map<String, String> configMap() throws Exception {
        try (InputStream yaml = Files.newInputStream(Path.of("k8s", "base", "configmap.yaml"))) {
            return Serialization.unmarshal(yaml, ConfigMap.class).getData();
        }
    }
}
