package dev.portcullis.deploy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import dev.portcullis.MachineTools;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Renders each overlay of {@code k8s/} with {@code kubectl kustomize} (or {@code kustomize build}), reads the objects with fabric8's typed
 * model, and checks what must hold: probes on paths this service answers, environment variables this service
 * reads, the security context, resources, and labels and selectors that match.
 */
@QuarkusTest
class KubernetesManifestsTest {

    /** Quarkus properties the manifests set, beyond those this project declares itself. */
    private static final Set<String> QUARKUS_PROPERTIES = Set.of("quarkus.datasource.jdbc.url",
            "quarkus.datasource.username", "quarkus.datasource.password", "quarkus.http.port",
            "quarkus.shutdown.timeout", "quarkus.shutdown.delay", "quarkus.http.proxy.proxy-address-forwarding",
            "quarkus.http.proxy.allow-x-forwarded", "quarkus.http.proxy.trusted-proxies",
            "quarkus.thread-pool.max-threads");

    /** Quarkus's management interface port, where a production build serves health and metrics. */
    private static final int MANAGEMENT_PORT = 9000;

    /** Read by the java launcher or by the C library, not by the service. */
    private static final Set<String> IMAGE_VARIABLES = Set.of("JDK_JAVA_OPTIONS", "MALLOC_ARENA_MAX");

    /** A Secret the service needs: its keys, and whether the dev overlay makes a throw-away one. */
    private record ExpectedSecret(Set<String> keys, boolean generatedInDev) {
    }

    /** The Secrets the service needs, as the README tells an operator to create them. */
    private static final Map<String, ExpectedSecret> SECRETS = Map.of(
            "portcullis-database", new ExpectedSecret(Set.of("jdbc-url", "username", "password"), true),
            "portcullis-bootstrap-admin", new ExpectedSecret(Set.of("username", "password"), true),
            "portcullis-jwt", new ExpectedSecret(Set.of("signing.pem"), false));

    /** Each Secret the pod refers to — from a variable or as a volume — with the keys it reads (all: empty). */
    private static Map<String, Set<String>> referredSecrets(PodSpec pod, Container container) {
        Map<String, Set<String>> referred = new java.util.TreeMap<>();
        for (EnvVar variable : container.getEnv()) {
            if (variable.getValueFrom() != null && variable.getValueFrom().getSecretKeyRef() != null) {
                var reference = variable.getValueFrom().getSecretKeyRef();
                referred.computeIfAbsent(withoutHash(reference.getName()), name -> new HashSet<>()).add(reference.getKey());
            }
        }
        pod.getVolumes().stream().filter(volume -> volume.getSecret() != null).forEach(volume -> referred
                .computeIfAbsent(withoutHash(volume.getSecret().getSecretName()), name -> new HashSet<>())
                .addAll(volume.getSecret().getItems() == null ? Set.of()
                        : volume.getSecret().getItems().stream().map(item -> item.getKey()).toList()));
        return referred;
    }

    /** A generated Secret's name, and the references kustomize rewrote to it, end in a hash of its content. */
    private static String withoutHash(String name) {
        return name.replaceFirst("-[a-z0-9]{10}$", "");
    }

    /** The template an operator fills in holds every Secret the service needs, with exactly its keys. */
    @Test
    void theSecretTemplateDescribesEverySecretTheServiceNeeds() throws IOException {
        Map<String, Set<String>> described = new java.util.TreeMap<>();
        for (String document : Files.readString(Path.of("k8s/secret.template.yaml")).split("(?m)^---$")) {
            if (!document.isBlank()) {
                Secret secret = Serialization.unmarshal(document, Secret.class);
                described.put(secret.getMetadata().getName(), secret.getStringData().keySet());
            }
        }
        Map<String, Set<String>> expected = new java.util.TreeMap<>();
        SECRETS.forEach((name, secret) -> expected.put(name, secret.keys()));
        assertEquals(expected, described);
    }

    private static boolean selects(Map<String, String> selector, Map<String, String> labels) {
        return !selector.isEmpty() && labels.entrySet().containsAll(selector.entrySet());
    }

    @ParameterizedTest(name = "overlay {0}")
    @ValueSource(strings = {"dev", "prod"})
    void overlayRendersWhatMustHold(String overlay) throws Exception {
        List<HasMetadata> objects = Kustomize.render(overlay);
        Deployment deployment = Kustomize.one(objects, Deployment.class, "portcullis");
        PodSpec pod = deployment.getSpec().getTemplate().getSpec();
        Map<String, String> podLabels = deployment.getSpec().getTemplate().getMetadata().getLabels();
        Container container = pod.getContainers().get(0);

        assertTrue(deployment.getSpec().getReplicas() >= 2);
        assertEquals(0, deployment.getSpec().getStrategy().getRollingUpdate().getMaxUnavailable().getIntVal());
        assertTrue(selects(deployment.getSpec().getSelector().getMatchLabels(), podLabels));
        assertTrue(selects(Kustomize.one(objects, Service.class, "portcullis").getSpec().getSelector(), podLabels));
        assertTrue(selects(Kustomize.one(objects, PodDisruptionBudget.class, "portcullis").getSpec().getSelector().getMatchLabels(), podLabels));
        assertTrue(selects(Kustomize.one(objects, NetworkPolicy.class, "portcullis").getSpec().getPodSelector().getMatchLabels(), podLabels));
        HorizontalPodAutoscaler autoscaler = Kustomize.one(objects, HorizontalPodAutoscaler.class, "portcullis");
        assertEquals("portcullis", autoscaler.getSpec().getScaleTargetRef().getName());
        assertTrue(autoscaler.getSpec().getMinReplicas() >= 2);

        // Hardened pod: non-root, read-only root filesystem, no capabilities, RuntimeDefault seccomp, no API token.
        assertEquals(Boolean.FALSE, pod.getAutomountServiceAccountToken());
        assertEquals(Boolean.TRUE, pod.getSecurityContext().getRunAsNonRoot());
        assertEquals("RuntimeDefault", pod.getSecurityContext().getSeccompProfile().getType());
        assertEquals(Boolean.TRUE, container.getSecurityContext().getReadOnlyRootFilesystem());
        assertEquals(Boolean.FALSE, container.getSecurityContext().getAllowPrivilegeEscalation());
        assertEquals(List.of("ALL"), container.getSecurityContext().getCapabilities().getDrop());
        for (String resource : List.of("cpu", "memory")) {
            assertNotNull(container.getResources().getRequests().get(resource), "request " + resource);
            assertNotNull(container.getResources().getLimits().get(resource), "limit " + resource);
        }

        // The schema is migrated before the service starts, by the same image's `migrate` with the service's
        // settings and database, as hardened as the service; the service does not check it again at start-up.
        assertEquals(1, pod.getInitContainers().size());
        Container migrate = pod.getInitContainers().get(0);
        assertEquals(List.of(container.getImage(), List.of("migrate")), List.of(migrate.getImage(), migrate.getArgs()));
        assertEquals(container.getEnvFrom(), migrate.getEnvFrom());
        assertEquals(container.getEnv().stream().filter(variable -> variable.getName().startsWith("QUARKUS_DATASOURCE_"))
                .toList(), migrate.getEnv());
        assertEquals(container.getSecurityContext(), migrate.getSecurityContext());
        assertEquals("false", Kustomize.one(objects, ConfigMap.class, "portcullis").getData()
                .get("QUARKUS_FLYWAY_MIGRATE_AT_START"));

        // Graceful shutdown: a preStop pause while the pod leaves the Service's endpoints, then Quarkus's shutdown
        // delay (answers close their connections) and timeout for the requests in flight (GracefulShutdownIT holds
        // the service to them), all within the grace period, with a margin for the JVM's own exit.
        List<String> preStop = container.getLifecycle().getPreStop().getExec().getCommand();
        assertEquals("sleep", preStop.get(0), preStop.toString());
        long pause = Long.parseLong(preStop.get(1));
        ConfigMap settings = Kustomize.one(objects, ConfigMap.class, "portcullis");
        long delay = java.time.Duration.parse("PT" + settings.getData().get("QUARKUS_SHUTDOWN_DELAY")).toSeconds();
        long shutdown = java.time.Duration.parse("PT" + settings.getData().get("QUARKUS_SHUTDOWN_TIMEOUT")).toSeconds();
        assertTrue(pause >= 5, "endpoints controllers and load balancers need seconds to stop sending: " + pause);
        assertTrue(pod.getTerminationGracePeriodSeconds() >= pause + delay + shutdown + 5, "grace period "
                + pod.getTerminationGracePeriodSeconds() + " s < preStop " + pause + " s + shutdown delay " + delay
                + " s + shutdown timeout " + shutdown + " s + 5 s");

        // The API on the named HTTP port, which the service is told to listen on; probes and metrics on the
        // management interface (a production build's), on paths the service answers.
        int port = container.getPorts().stream().filter(p -> "http".equals(p.getName())).findFirst().orElseThrow()
                .getContainerPort();
        assertEquals(String.valueOf(port), settings.getData().get("QUARKUS_HTTP_PORT"));
        assertEquals(MANAGEMENT_PORT, container.getPorts().stream().filter(p -> "management".equals(p.getName()))
                .findFirst().orElseThrow().getContainerPort());
        assertFalse(settings.getData().containsKey("QUARKUS_MANAGEMENT_PORT"));
        for (Probe probe : List.of(container.getStartupProbe(), container.getReadinessProbe(), container.getLivenessProbe())) {
            assertEquals("management", probe.getHttpGet().getPort().getStrVal());
            RestAssured.get(probe.getHttpGet().getPath()).then().statusCode(200);
        }
        assertEquals("/q/health/ready", container.getReadinessProbe().getHttpGet().getPath());
        assertEquals("/q/health/live", container.getLivenessProbe().getHttpGet().getPath());
        Map<String, String> annotations = deployment.getSpec().getTemplate().getMetadata().getAnnotations();
        assertEquals(String.valueOf(MANAGEMENT_PORT), annotations.get("prometheus.io/port"));
        RestAssured.get(annotations.get("prometheus.io/path")).then().statusCode(200);
        assertTrue(Kustomize.one(objects, Service.class, "portcullis").getSpec().getPorts().stream()
                .noneMatch(p -> "management".equals(p.getTargetPort().getStrVal())), "the Service exposes no management port");

        // Forwarded headers are believed only from configured proxies.
        assertFalse(settings.getData().getOrDefault("QUARKUS_HTTP_PROXY_TRUSTED_PROXIES", "").isBlank());
        // The hosts are named, not "any".
        List<String> hosts = List.of(settings.getData().getOrDefault("PORTCULLIS_ALLOWED_HOSTS", "").split(","));
        assertFalse(hosts.contains("*") || hosts.contains(""), hosts.toString());

        // The JVM runs as the benchmark measured it (the resources above come from that measurement).
        String benchmark = Files.readString(Path.of("bench/run.sh"));
        Matcher measured = Pattern.compile("JAVA_OPTS=\\$\\{JAVA_OPTS:-([^}]+)}").matcher(benchmark);
        assertTrue(measured.find(), "bench/run.sh sets the JVM options it measures");
        assertTrue(settings.getData().get("JDK_JAVA_OPTIONS").equals(measured.group(1)));
        for (String variable : List.of("MALLOC_ARENA_MAX", "QUARKUS_THREAD_POOL_MAX_THREADS")) {
            assertTrue(benchmark.contains(variable + "=${" + variable + ":-" + settings.getData().get(variable) + "}"),
                    variable + " as the benchmark sets it");
        }

        // Every variable names a property the service reads.
        Set<String> readable = readableVariables();
        Stream.concat(container.getEnv().stream().map(EnvVar::getName), settings.getData().keySet().stream())
                .filter(name -> !IMAGE_VARIABLES.contains(name))
                .forEach(name -> assertTrue(readable.contains(name), name + " is read by nothing"));

        // The Secrets the service needs, and only those: referred to by the pod, generated by the dev overlay where
        // it makes throw-away ones, and described for the operator in k8s/secret.template.yaml.
        assertEquals(SECRETS.keySet(), referredSecrets(pod, container).keySet(), "Secrets the pod refers to");
        referredSecrets(pod, container).forEach((name, keys) -> assertTrue(SECRETS.get(name).keys().containsAll(keys),
                name + " is asked for " + keys));
        Map<String, Set<String>> generated = new java.util.TreeMap<>();
        objects.stream().filter(Secret.class::isInstance).map(Secret.class::cast)
                .forEach(secret -> generated.put(withoutHash(secret.getMetadata().getName()), secret.getData().keySet()));
        Map<String, Set<String>> expectedGenerated = new java.util.TreeMap<>();
        if (overlay.equals("dev")) {
            SECRETS.forEach((name, secret) -> {
                if (secret.generatedInDev()) {
                    expectedGenerated.put(name, secret.keys());
                }
            });
        }
        assertEquals(expectedGenerated, generated, "Secrets the overlay generates");

        // Network: in on the HTTP port from anywhere, on the management port from a named namespace only; out to
        // PostgreSQL and DNS only, each to where it is.
        NetworkPolicy network = Kustomize.one(objects, NetworkPolicy.class, "portcullis");
        assertEquals(List.of("http", "management"), network.getSpec().getIngress().stream()
                .flatMap(rule -> rule.getPorts().stream()).map(p -> p.getPort().getStrVal()).toList());
        network.getSpec().getIngress().stream()
                .filter(rule -> rule.getPorts().stream().anyMatch(p -> "management".equals(p.getPort().getStrVal())))
                .forEach(rule -> assertNamedPeers(rule.getFrom(), "management in"));
        assertNarrowEgress(network);
        if (overlay.equals("dev")) {
            assertEquals(Map.of("app.kubernetes.io/component", "database"), network.getSpec().getEgress().stream()
                    .filter(rule -> rule.getPorts().stream().anyMatch(p -> p.getPort().getIntVal() == 5432))
                    .findFirst().orElseThrow().getTo().get(0).getPodSelector().getMatchLabels(), "the dev database pod");
        }

        // No Kubernetes API token in the pod: the account mounts none, nor does the pod.
        assertEquals("portcullis", pod.getServiceAccountName());
        assertEquals(Boolean.FALSE, pod.getAutomountServiceAccountToken());
        assertEquals(Boolean.FALSE, Kustomize.one(objects, io.fabric8.kubernetes.api.model.ServiceAccount.class, "portcullis")
                .getAutomountServiceAccountToken());
    }

    /** Every peer names where it is: a namespace by name or pods by label, never "anywhere" or "any namespace". */
    private static void assertNamedPeers(List<io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer> peers, String what) {
        assertFalse(peers == null || peers.isEmpty(), what + " from or to anywhere");
        for (var peer : peers) {
            boolean namespace = peer.getNamespaceSelector() != null && peer.getNamespaceSelector().getMatchLabels() != null
                    && !peer.getNamespaceSelector().getMatchLabels().isEmpty();
            boolean pods = peer.getPodSelector() != null && peer.getPodSelector().getMatchLabels() != null
                    && !peer.getPodSelector().getMatchLabels().isEmpty();
            boolean block = peer.getIpBlock() != null && !peer.getIpBlock().getCidr().endsWith("/0");
            assertTrue(namespace || pods || block, what + ": " + peer);
        }
    }

    /** Out to PostgreSQL and DNS only, each to named peers. */
    private static void assertNarrowEgress(NetworkPolicy network) {
        Set<Integer> egressPorts = new HashSet<>();
        network.getSpec().getEgress().forEach(rule -> {
            rule.getPorts().stream().map(NetworkPolicyPort::getPort).forEach(p -> egressPorts.add(p.getIntVal()));
            assertNamedPeers(rule.getTo(), "out on " + rule.getPorts());
        });
        assertEquals(Set.of(5432, 53, 6379), egressPorts, "PostgreSQL, DNS, and Redis for shared rates");
        assertFalse(network.getSpec().getPolicyTypes().isEmpty());
    }

    /** Mount paths Knative refuses (its admission webhook's reserved paths). */
    private static final Set<String> KNATIVE_RESERVED_PATHS = Set.of("/", "/dev", "/dev/log", "/tmp", "/var", "/var/log");

    /**
     * The Knative overlay: a Knative Service that scales to zero, probed on the management interface by port number
     * (Knative allows one named port, the serving one), with the Deployment's configuration and Secrets, and what
     * Knative's admission would refuse left out (a pod security context, lifecycle hooks, a mount on a reserved path).
     */
    @Test
    void knativeOverlayRendersWhatMustHold() throws Exception {
        List<HasMetadata> objects = Kustomize.render("knative");
        assertEquals(Set.of("v1/ConfigMap", "v1/ServiceAccount", "networking.k8s.io/v1/NetworkPolicy", "serving.knative.dev/v1/Service"),
                objects.stream().map(o -> o.getApiVersion() + "/" + o.getKind()).collect(Collectors.toSet()));
        GenericKubernetesResource knative = (GenericKubernetesResource) objects.stream()
                .filter(o -> o.getApiVersion().equals("serving.knative.dev/v1")).findFirst().orElseThrow();
        PodTemplateSpec template = Serialization.jsonMapper().convertValue(knative.get("spec", "template"),
                PodTemplateSpec.class);
        Map<String, String> annotations = template.getMetadata().getAnnotations();
        assertEquals("0", annotations.get("autoscaling.knative.dev/min-scale"), "scales to zero");
        assertTrue(Integer.parseInt(annotations.get("autoscaling.knative.dev/max-scale")) >= 1);
        assertNotNull(annotations.get("autoscaling.knative.dev/scale-to-zero-pod-retention-period"));

        PodSpec pod = template.getSpec();
        assertEquals(1, pod.getContainers().size());
        Container container = pod.getContainers().get(0);
        ConfigMap settings = Kustomize.one(objects, ConfigMap.class, "portcullis");
        assertEquals(1, container.getPorts().size(), "Knative takes one port");
        assertTrue(Set.of("http1", "h2c").contains(container.getPorts().get(0).getName()));
        assertEquals(settings.getData().get("QUARKUS_HTTP_PORT"), String.valueOf(container.getPorts().get(0).getContainerPort()));
        // The queue-proxy forwards from loopback: trusted, so that clients are not all counted as 127.0.0.1.
        assertTrue(List.of(settings.getData().get("QUARKUS_HTTP_PROXY_TRUSTED_PROXIES").split(",")).contains("127.0.0.1"),
                settings.getData().get("QUARKUS_HTTP_PROXY_TRUSTED_PROXIES"));
        // No init container (Knative's are behind a feature flag): the service migrates at start-up.
        assertEquals(List.of(), pod.getInitContainers());
        assertEquals("true", settings.getData().get("QUARKUS_FLYWAY_MIGRATE_AT_START"));
        Map<Probe, String> probes = Map.of(container.getReadinessProbe(), "/q/health/ready",
                container.getLivenessProbe(), "/q/health/live");
        probes.forEach((probe, path) -> {
            assertEquals(path, probe.getHttpGet().getPath());
            assertEquals(MANAGEMENT_PORT, probe.getHttpGet().getPort().getIntVal(), "a port number, not a name");
            RestAssured.get(path).then().statusCode(200);
        });
        assertEquals(String.valueOf(MANAGEMENT_PORT), annotations.get("prometheus.io/port"));

        assertEquals(null, pod.getSecurityContext(), "Knative refuses a pod security context by default");
        assertEquals(null, container.getLifecycle(), "Knative refuses lifecycle hooks");
        assertEquals(Boolean.TRUE, container.getSecurityContext().getRunAsNonRoot());
        assertEquals(Boolean.TRUE, container.getSecurityContext().getReadOnlyRootFilesystem());
        assertEquals(Boolean.FALSE, container.getSecurityContext().getAllowPrivilegeEscalation());
        assertEquals(List.of("ALL"), container.getSecurityContext().getCapabilities().getDrop());
        assertNotNull(container.getResources().getLimits().get("memory"));

        // The Deployment's configuration and Secrets, and a writable scratch volume where the JVM is told to write.
        Container deployed = Kustomize.one(Kustomize.render("prod"), Deployment.class, "portcullis").getSpec()
                .getTemplate().getSpec().getContainers().get(0);
        assertEquals(deployed.getEnvFrom(), container.getEnvFrom());
        List<String> ownWay = List.of("JAVA_TOOL_OPTIONS", "PORTCULLIS_JWT_SIGNING_KEY");
        assertEquals(deployed.getEnv().stream().filter(v -> !ownWay.contains(v.getName())).toList(),
                container.getEnv().stream().filter(v -> !ownWay.contains(v.getName())).toList());
        EnvVar signingKey = container.getEnv().stream().filter(v -> v.getName().equals("PORTCULLIS_JWT_SIGNING_KEY"))
                .findFirst().orElseThrow();
        assertEquals("portcullis-jwt/signing.pem", signingKey.getValueFrom().getSecretKeyRef().getName() + "/"
                + signingKey.getValueFrom().getSecretKeyRef().getKey());
        assertEquals(SECRETS.keySet(), referredSecrets(pod, container).keySet());
        String jvmOptions = container.getEnv().stream().filter(v -> v.getName().equals("JAVA_TOOL_OPTIONS"))
                .findFirst().orElseThrow().getValue();
        Matcher tmpdir = Pattern.compile("-Djava.io.tmpdir=(\\S+)").matcher(jvmOptions);
        assertTrue(tmpdir.find(), jvmOptions);
        String scratch = container.getVolumeMounts().stream().filter(m -> m.getMountPath().equals(tmpdir.group(1)))
                .findFirst().orElseThrow(() -> new AssertionError("nothing mounted at " + tmpdir.group(1))).getName();
        assertNotNull(pod.getVolumes().stream().filter(v -> v.getName().equals(scratch)).findFirst().orElseThrow()
                .getEmptyDir(), "the scratch volume is an emptyDir");
        container.getVolumeMounts().forEach(mount -> assertFalse(KNATIVE_RESERVED_PATHS.contains(mount.getMountPath()),
                mount.getMountPath() + " is reserved by Knative"));

        // The same egress as elsewhere; in only from named namespaces (Knative's, its gateway's, monitoring).
        NetworkPolicy network = Kustomize.one(objects, NetworkPolicy.class, "portcullis");
        assertTrue(selects(network.getSpec().getPodSelector().getMatchLabels(), template.getMetadata().getLabels()));
        network.getSpec().getIngress().forEach(rule -> assertNamedPeers(rule.getFrom(), "in"));
        assertNarrowEgress(network);

        // No API token (the base's account mounts none) and no Secret file readable by anyone but its user: the
        // signing key comes as the Secret's text in a variable.
        assertEquals("portcullis", pod.getServiceAccountName());
        assertEquals(Boolean.FALSE, Kustomize.one(objects, io.fabric8.kubernetes.api.model.ServiceAccount.class, "portcullis")
                .getAutomountServiceAccountToken());
        assertTrue(pod.getVolumes().stream().noneMatch(v -> v.getSecret() != null
                && (v.getSecret().getDefaultMode() == null || (v.getSecret().getDefaultMode() & 07) != 0)), "a Secret file others may read");
    }

    /** The environment-variable form of every property this project reads, and the Quarkus ones it sets. */
    private static Set<String> readableVariables() throws IOException {
        Set<String> properties = new HashSet<>(QUARKUS_PROPERTIES);
        Pattern declared = Pattern.compile("@ConfigProperty\\(name = \"([^\"]+)\"");
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher matcher = declared.matcher(Files.readString(source));
                while (matcher.find()) {
                    properties.add(matcher.group(1));
                }
            }
        }
        for (String line : Files.readAllLines(Path.of("src/main/resources/application.properties"))) {
            if (!line.isBlank() && !line.startsWith("#") && line.contains("=")) {
                properties.add(line.substring(0, line.indexOf('=')).replaceFirst("^%[^.]+\\.", "").strip());
            }
        }
        Set<String> variables = new HashSet<>();
        properties.forEach(p -> variables.add(p.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(java.util.Locale.ROOT)));
        return variables;
    }
}
