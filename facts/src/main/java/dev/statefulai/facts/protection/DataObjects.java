package dev.statefulai.facts.protection;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Which objects hold or reach data (claims, volumes, their classes, snapshots and their classes, a StatefulSet with
 * claim templates), and which of them keep it when they are deleted: what GitOps protection is written on and what the
 * gate guards. Read from manifests; the neighbours are the other objects of the same app or environment.
 */
public final class DataObjects {
    private static final Set<String> DATA_KINDS = Set.of("PersistentVolumeClaim", "PersistentVolume", "StorageClass",
            "VolumeSnapshot", "VolumeSnapshotClass");
    private static final String RETAIN = "Retain";

    private DataObjects() {
    }

    /** True for an object that holds data or leads to it. */
    public static boolean holdsData(Map<String, Object> manifest) {
        Object kind = manifest.get("kind");
        return DATA_KINDS.contains(kind)
                || ("StatefulSet".equals(kind) && !Tree.list(manifest, "spec", "volumeClaimTemplates").isEmpty());
    }

    /**
     * True for an object that holds data whose data outlives it: a class or volume that retains ({@code Retain}), a claim
     * or StatefulSet whose volumes are retained, a snapshot whose class retains. When the manifests do not say (a class of
     * the cluster's), the data is taken to be kept.
     */
    public static boolean keepsData(Map<String, Object> manifest, List<Map<String, Object>> neighbours) {
        return switch (String.valueOf(manifest.get("kind"))) {
            case "StorageClass" -> RETAIN.equals(Tree.text(manifest, "Delete", "reclaimPolicy"));
            case "PersistentVolume" -> RETAIN.equals(Tree.text(manifest, RETAIN, "spec", "persistentVolumeReclaimPolicy"));
            case "VolumeSnapshotClass" -> RETAIN.equals(Tree.text(manifest, "", "deletionPolicy"));
            case "VolumeSnapshot" -> find(neighbours, "VolumeSnapshotClass", Tree.text(manifest, null, "spec", "volumeSnapshotClassName"))
                    .map(c -> RETAIN.equals(Tree.text(c, "", "deletionPolicy"))).orElse(true);
            case "PersistentVolumeClaim" -> claimKeepsData(Tree.map(manifest, "spec"), neighbours);
            case "StatefulSet" -> Tree.list(manifest, "spec", "volumeClaimTemplates").stream()
                    .anyMatch(t -> claimKeepsData(Tree.map(t, "spec"), neighbours));
            default -> false;
        };
    }

    private static boolean claimKeepsData(Map<String, Object> spec, List<Map<String, Object>> neighbours) {
        String volume = Tree.text(spec, "", "volumeName");
        if (!volume.isEmpty()) {
            return find(neighbours, "PersistentVolume", volume)
                    .map(pv -> RETAIN.equals(Tree.text(pv, RETAIN, "spec", "persistentVolumeReclaimPolicy"))).orElse(true);
        }
        Object className = spec.get("storageClassName");
        java.util.Optional<Map<String, Object>> cls = className != null ? find(neighbours, "StorageClass", String.valueOf(className))
                : ClaimView.defaultClass(neighbours);
        return cls.map(c -> RETAIN.equals(Tree.text(c, "Delete", "reclaimPolicy"))).orElse(true);
    }

    private static java.util.Optional<Map<String, Object>> find(List<Map<String, Object>> manifests, String kind, String name) {
        return manifests.stream().filter(m -> kind.equals(m.get("kind")) && Objects.equals(name, Tree.text(m, null, "metadata", "name")))
                .findFirst();
    }
}
