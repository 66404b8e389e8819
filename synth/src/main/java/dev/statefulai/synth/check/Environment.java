package dev.statefulai.synth.check;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;

/** The objects of one environment with the lookups the rules need (one copy of each object). */
public final class Environment {
    static final String DEFAULT_CLASS_ANNOTATION = "storageclass.kubernetes.io/is-default-class";

    private final String name;
    private final List<Manifest> manifests;

    public Environment(String name, List<Manifest> manifests) {
        this.name = name;
        this.manifests = DistManifests.distinct(manifests);
    }

    public String name() {
        return name;
    }

    public List<Manifest> all() {
        return manifests;
    }

    public List<Manifest> ofKind(String kind) {
        return manifests.stream().filter(m -> m.is(kind)).toList();
    }

    public Optional<Manifest> find(String kind, String namespace, String name) {
        return manifests.stream()
                .filter(m -> m.is(kind) && m.namespace().equals(namespace) && m.name().equals(name)).findFirst();
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

    static JsonNode podSpec(Manifest workload) {
        return workload.spec().path("template").path("spec");
    }
}
