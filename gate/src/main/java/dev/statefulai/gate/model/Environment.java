package dev.statefulai.gate.model;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statefulai.facts.kubernetes.ClusterTarget;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * The objects of one environment with the lookups the rules need (one copy of each object), indexed
 * once by kind and by name: rules ask per claim and per object, and a fleet has thousands of each.
 */
public final class Environment {
    public static final String DEFAULT_CLASS_ANNOTATION = "storageclass.kubernetes.io/is-default-class";

    private final String name;
    private final ClusterTarget target;
    private final List<Manifest> manifests;
    private final Map<String, List<Manifest>> byKind = new HashMap<>();
    /** The first object of each kind, namespace and name. */
    private final Map<String, Manifest> byId = new HashMap<>();

    /** An environment whose cluster is the default target (Kubernetes 1.28). */
    public Environment(String name, List<Manifest> manifests) {
        this(name, manifests, ClusterTarget.DEFAULT);
    }

    /** The objects of environment {@code name}, whose cluster is {@code target}. */
    public Environment(String name, List<Manifest> manifests, ClusterTarget target) {
        this.name = name;
        this.target = target;
        this.manifests = DistManifests.distinct(manifests);
        for (Manifest m : this.manifests) {
            byKind.computeIfAbsent(m.kind(), k -> new ArrayList<>()).add(m);
            byId.putIfAbsent(id(m.kind(), m.namespace(), m.name()), m);
        }
        byKind.replaceAll((k, list) -> List.copyOf(list));
    }

    private static String id(String kind, String namespace, String name) {
        return kind + "\n" + namespace + "\n" + name;
    }

    public String name() {
        return name;
    }

    /** The cluster the environment deploys to: what its manifests are checked against. */
    public ClusterTarget target() {
        return target;
    }

    public List<Manifest> all() {
        return manifests;
    }

    /** Each object by its identity, in dist order: a new map the caller may change, to compare with another environment. */
    public Map<String, Manifest> byIdentity() {
        Map<String, Manifest> out = new LinkedHashMap<>();
        manifests.forEach(m -> out.put(m.identity(), m));
        return out;
    }

    /** Each object of {@code after} that {@code before} has too, with its earlier copy: {@code (was, now)}, in {@code after}'s order. */
    public static void onBothSides(Environment before, Environment after, BiConsumer<Manifest, Manifest> wasAndNow) {
        Map<String, Manifest> old = before.byIdentity();
        for (Manifest now : after.all()) {
            Manifest was = old.get(now.identity());
            if (was != null) {
                wasAndNow.accept(was, now);
            }
        }
    }

    public List<Manifest> ofKind(String kind) {
        return byKind.getOrDefault(kind, List.of());
    }

    public Optional<Manifest> find(String kind, String namespace, String name) {
        return Optional.ofNullable(byId.get(id(kind, namespace, name)));
    }

    public Optional<Manifest> storageClass(String className) {
        return find("StorageClass", "", className);
    }

    /** The class marked default in dist, if any: claims without storageClassName get it from admission. */
    public Optional<Manifest> defaultStorageClass() {
        return ofKind("StorageClass").stream()
                .filter(c -> "true".equals(c.annotations().get(DEFAULT_CLASS_ANNOTATION))).findFirst();
    }

    /** Pod-template workloads: their pods mount claims. */
    public List<Manifest> workloads() {
        return manifests.stream().filter(m -> m.is("StatefulSet") || m.is("Deployment") || m.is("ReplicaSet")).toList();
    }

    public static JsonNode podSpec(Manifest workload) {
        return workload.spec().path("template").path("spec");
    }

    /** A pod spec's init containers, then its containers. */
    public static List<JsonNode> containers(JsonNode pod) {
        List<JsonNode> out = new ArrayList<>();
        pod.path("initContainers").forEach(out::add);
        pod.path("containers").forEach(out::add);
        return out;
    }
}
