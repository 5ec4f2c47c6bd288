package dev.portcullis.deploy;

import dev.portcullis.MachineTools;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.Serialization;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** An overlay of {@code k8s/} rendered as {@code kubectl apply -k} would, read as typed objects. */
final class Kustomize {

    private Kustomize() {
    }

    static List<HasMetadata> render(String overlay) throws IOException, InterruptedException {
        Process renderer = null;
        for (List<String> command : List.of(List.of("kubectl", "kustomize"), List.of("kustomize", "build"))) {
            try {
                List<String> invocation = new ArrayList<>(command);
                invocation.add("k8s/overlays/" + overlay);
                renderer = new ProcessBuilder(invocation).redirectErrorStream(true).start();
                break;
            } catch (IOException notInstalled) {
                // try the next renderer
            }
        }
        MachineTools.require(renderer != null, "neither kubectl nor kustomize is installed (.ci/run provides one)");
        String yaml = new String(renderer.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, renderer.waitFor(), yaml);
        List<HasMetadata> objects = new ArrayList<>();
        for (String document : yaml.split("(?m)^---$")) {
            if (!document.isBlank()) {
                objects.add(Serialization.unmarshal(document));
            }
        }
        return objects;
    }

    static <T extends HasMetadata> T one(List<HasMetadata> objects, Class<T> kind, String name) {
        return objects.stream().filter(kind::isInstance).map(kind::cast)
                .filter(o -> o.getMetadata().getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind.getSimpleName() + " " + name));
    }
}
