package dev.statefulai.facts.protection;

import dev.statefulai.facts.ClaimNames;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A claim the cluster will have, read from manifests: a PersistentVolumeClaim, or the claim of one replica of a
 * StatefulSet's claim template. The StatefulSet controller gives a replica's claim the template's labels and the
 * set's {@code selector.matchLabels} ({@code getPersistentVolumeClaims}, pkg/controller/statefulset/stateful_set_utils.go).
 *
 * @param source    the claim template's name, or the claim's own for a PersistentVolumeClaim: what a cache marker names
 * @param owner     the manifest that makes the claim (the StatefulSet or the PersistentVolumeClaim)
 * @param spec      the claim's spec
 */
public record ClaimView(String namespace, String name, String source, Map<String, Object> owner, Map<String, String> labels,
                        Map<String, Object> spec) {

    /** Every claim of {@code manifests}: claims first, then each StatefulSet's replicas' claims by template and ordinal. */
    public static List<ClaimView> of(List<Map<String, Object>> manifests) {
        List<ClaimView> out = new ArrayList<>();
        for (Map<String, Object> m : manifests) {
            if (isKind(m, "PersistentVolumeClaim")) {
                String name = Tree.text(m, "", "metadata", "name");
                out.add(new ClaimView(namespace(m), name, name, m, Tree.strings(m, "metadata", "labels"), Tree.map(m, "spec")));
            }
        }
        for (Map<String, Object> sts : manifests) {
            if (!isKind(sts, "StatefulSet")) {
                continue;
            }
            int replicas = Tree.at(sts, "spec", "replicas") instanceof Number n ? n.intValue() : 1;
            for (Object template : Tree.list(sts, "spec", "volumeClaimTemplates")) {
                String base = Tree.text(template, "", "metadata", "name");
                Map<String, String> labels = new LinkedHashMap<>(Tree.strings(template, "metadata", "labels"));
                labels.putAll(Tree.strings(sts, "spec", "selector", "matchLabels"));
                for (int i = 0; i < replicas; i++) {
                    out.add(new ClaimView(namespace(sts), ClaimNames.ofReplica(base, Tree.text(sts, "", "metadata", "name"), i),
                            base, sts, Map.copyOf(labels), Tree.map(template, "spec")));
                }
            }
        }
        return out;
    }

    /** The namespace as kubectl applies it: "default" when the manifest names none. */
    public static String namespace(Map<String, Object> manifest) {
        String ns = Tree.text(manifest, "", "metadata", "namespace");
        return ns.isEmpty() ? "default" : ns;
    }

    /** The StorageClass of {@code manifests} marked the cluster's default, which claims without a class get. */
    public static java.util.Optional<Map<String, Object>> defaultClass(List<Map<String, Object>> manifests) {
        return manifests.stream().filter(m -> isKind(m, "StorageClass"))
                .filter(m -> "true".equals(Tree.strings(m, "metadata", "annotations").get(DEFAULT_CLASS_ANNOTATION))).findFirst();
    }

    /** The annotation that makes a StorageClass the default one. */
    public static final String DEFAULT_CLASS_ANNOTATION = "storageclass.kubernetes.io/is-default-class";

    static boolean isKind(Map<String, Object> manifest, String kind) {
        return kind.equals(manifest.get("kind"));
    }

    /** The claim's storageClassName as written: null when absent (the default class), "" for no class. */
    public String storageClassName() {
        Object c = spec.get("storageClassName");
        return c == null ? null : String.valueOf(c);
    }

    /** The requested size, e.g. {@code 1Ti}; "" when none. */
    public String request() {
        return Tree.text(spec, "", "resources", "requests", "storage");
    }

    /** True for one replica's claim of a StatefulSet's template. */
    public boolean fromTemplate() {
        return isKind(owner, "StatefulSet");
    }

    /** The owner's kind and name, as reports write it. */
    public String ownerRef() {
        return owner.get("kind") + " " + namespace + "/" + Tree.text(owner, "", "metadata", "name");
    }
}
