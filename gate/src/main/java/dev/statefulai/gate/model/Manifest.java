package dev.statefulai.gate.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * One document of a manifest file, with the environment and file it came from.
 *
 * @param file the file's key, {@code <environment>/<path>} (see {@link ManifestFolder})
 * @param line the line the document starts at in its file (1-based), or 0 when unknown
 */
public record Manifest(String environment, String file, JsonNode body, int line) {

    /** A document whose line is unknown (made by a rule, or of a file read whole). */
    public Manifest(String environment, String file, JsonNode body) {
        this(environment, file, body, 0);
    }

    private static final Set<String> CLUSTER_SCOPED = Set.of("StorageClass", "PersistentVolume", "Namespace",
            "ClusterRole", "ClusterRoleBinding", "CustomResourceDefinition", "PriorityClass", "CSIDriver",
            "VolumeSnapshotClass", "VolumeAttributesClass", "IngressClass", "RuntimeClass", "Node",
            "ValidatingWebhookConfiguration", "MutatingWebhookConfiguration", "APIService", "FlowSchema", "PriorityLevelConfiguration");

    public String apiVersion() {
        return body.path("apiVersion").asText("");
    }

    public String kind() {
        return body.path("kind").asText("");
    }

    public String name() {
        return body.path("metadata").path("name").asText("");
    }

    /** "" for cluster-scoped kinds; "default" when a namespaced object names none (kubectl's default). */
    public String namespace() {
        if (CLUSTER_SCOPED.contains(kind())) {
            return "";
        }
        String ns = body.path("metadata").path("namespace").asText("");
        return ns.isEmpty() ? "default" : ns;
    }

    public ObjectRef ref() {
        return new ObjectRef(kind(), namespace(), name());
    }

    /** apiVersion plus ref: how the immutable guard matches an object across versions. */
    public String identity() {
        return apiVersion() + " " + ref();
    }

    public JsonNode spec() {
        return body.path("spec");
    }

    public boolean is(String kind) {
        return kind().equals(kind);
    }

    public Map<String, String> annotations() {
        Map<String, String> out = new LinkedHashMap<>();
        body.path("metadata").path("annotations").fields()
                .forEachRemaining(e -> out.put(e.getKey(), e.getValue().isNull() ? "" : e.getValue().asText()));
        return out;
    }

    public Map<String, String> labels() {
        return Json.stringMap(body.path("metadata").path("labels"));
    }
}
